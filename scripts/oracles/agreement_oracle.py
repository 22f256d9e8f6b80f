#!/usr/bin/env python3
"""Reference oracle for the agreement statistics of reader studies (Sources/Scoring/Agreement).

PINNED VERSIONS (exactly what produced the committed expected.json):
    Python 3.11.7, numpy 2.4.6, scikit-learn 1.9.1, statsmodels 0.15.0, krippendorff 0.9.0
The full environment, transitive dependencies included, is scripts/oracles/agreement-requirements.txt.
Any other version stops the script unless ARBITER_ORACLE_IGNORE_VERSIONS=1 is set; the versions actually
used are then written into expected.json and the diff of the fixture needs a review.

Make the environment and run (deterministic: the same bytes on every run):
    python3.11 -m venv /tmp/venv-agreement
    /tmp/venv-agreement/bin/pip install -r scripts/oracles/agreement-requirements.txt
    /tmp/venv-agreement/bin/python scripts/oracles/agreement_oracle.py

Writes Fixtures/oracles/agreement/expected.json and Fixtures/oracles/agreement/reads.csv (the CLI test's
input, one of the studies below as item_id,reader,label).  Undefined values (NaN, or a reference that
refuses the input) are written as null; Swift returns NaN for them.

A study is a table rows[item][reader] of category indices 0..K-1 (null: no read), generated with seeded
numpy generators, and its ordered categories.  For each study:

  cohen         sklearn.metrics.cohen_kappa_score(y1, y2, labels=range(K), weights=None|"linear"|
                "quadratic") for every pair of readers a < b, y1 = reader a, on the items both read
                (null when none: sklearn refuses empty input).  "custom": a non-symmetric weight matrix W,
                computed here with numpy as 1 - sum(W*O) / sum(W*E), O[i][j] the items with a = i and
                b = j, E = outer(row sums, column sums) / n.  The same formula with the built-in weights
                is checked against sklearn before anything is written.
  fleiss        statsmodels fleiss_kappa(aggregate_raters(data, n_cat=K)[0], method="fleiss") on the
                items whose read count is the modal one: among items read at least twice, the count the
                most items have, the larger count on a tie; data holds each such item's labels.  Also the
                count, the items used and the items left out.
  krippendorff  krippendorff.alpha(reliability_data=readers x items with nan for no read,
                level_of_measurement=nominal|ordinal|interval), once with value_domain=range(K)
                ("with_domain") and once without ("without_domain", the package infers the labels used).
  percent       plain Python with fractions: per item read at least twice, agreeing pairs of reads over
                all pairs; the mean over those items.

Bootstraps: for a seeded plan, resample b draws the item indices with a SplitMix64 generator whose
initial state is output b of SplitMix64(seed), each index by Lemire's multiply-shift rejection method
(re-implemented below, as Sources/Scoring/Statistics/SplitMix64.swift describes it).  Every statistic
is recomputed by the references above on the resampled rows (all rules applied again); the interval is
numpy.percentile of the defined values at (100 -+ 100 * confidence) / 2 (null when none is defined).
"""

import json
import math
import os
import sys
import warnings
from fractions import Fraction
from itertools import combinations

PINNED = {
    "python": "3.11.7",
    "numpy": "2.4.6",
    "scikit-learn": "1.9.1",
    "statsmodels": "0.15.0",
    "krippendorff": "0.9.0",
}
OVERRIDE = os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") == "1"


def refuse_or_warn(message):
    if not OVERRIDE:
        sys.exit(message + "\n(set ARBITER_ORACLE_IGNORE_VERSIONS=1 to run anyway)")
    print("WARNING: " + message, file=sys.stderr)


if "%d.%d.%d" % sys.version_info[:3] != PINNED["python"]:
    refuse_or_warn(f"version mismatch: pinned Python {PINNED['python']}, running {sys.version.split()[0]}")

from importlib.metadata import version  # noqa: E402

import krippendorff  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.metrics import cohen_kappa_score  # noqa: E402
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa  # noqa: E402

ACTUAL = {"python": "%d.%d.%d" % sys.version_info[:3]}
ACTUAL.update({name: version(name) for name in PINNED if name != "python"})
if ACTUAL != PINNED:
    refuse_or_warn(f"version mismatch: pinned {PINNED}, running {ACTUAL}")

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXPECTED_REL = "Fixtures/oracles/agreement/expected.json"
READS_REL = "Fixtures/oracles/agreement/reads.csv"
WEIGHTS = ("none", "linear", "quadratic")
LEVELS = ("nominal", "ordinal", "interval")

# tissuenet-demo's cost matrix (Challenges/tissuenet-demo/challenge.yaml), E[true][predicted].
TISSUENET_COSTS = [[0.0, 0.1, 0.7, 1.0], [0.1, 0.0, 0.3, 0.7], [0.7, 0.3, 0.0, 0.3], [1.0, 0.7, 0.3, 0.0]]


def generator(seed):
    return np.random.Generator(np.random.PCG64(seed))


def num(x):
    """A float for JSON; None for NaN or for a reference that refused (None)."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


# =====================================================================
# Statistics, one reference each
# =====================================================================
def pair_labels(rows, a, b):
    both = [(r[a], r[b]) for r in rows if r[a] is not None and r[b] is not None]
    return [x for x, _ in both], [y for _, y in both]


def cohen_sklearn(rows, k, a, b, weights):
    y1, y2 = pair_labels(rows, a, b)
    if not y1:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cohen_kappa_score(y1, y2, labels=list(range(k)), weights=None if weights == "none" else weights)


def cohen_formula(rows, k, a, b, w):
    """1 - sum(W*O) / sum(W*E), E from the marginals, A on the rows; None when undefined."""
    y1, y2 = pair_labels(rows, a, b)
    if not y1:
        return None
    observed = np.zeros((k, k))
    for x, y in zip(y1, y2):
        observed[x, y] += 1
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    w = np.asarray(w, dtype=np.float64)
    denominator = (w * expected).sum()
    return None if denominator == 0 else 1 - (w * observed).sum() / denominator


def builtin_weights(k, weights):
    i, j = np.meshgrid(np.arange(k), np.arange(k), indexing="ij")
    return {"none": (i != j).astype(float), "linear": np.abs(i - j).astype(float), "quadratic": ((i - j) ** 2).astype(float)}[weights]


def modal_read_count(rows):
    counts = {}
    for r in rows:
        n = sum(v is not None for v in r)
        if n >= 2:
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return 0
    return max(counts, key=lambda n: (counts[n], n))


def fleiss_statsmodels(rows, k):
    m = modal_read_count(rows)
    used = [[v for v in r if v is not None] for r in rows if sum(v is not None for v in r) == m]
    result = {"reads_per_item": m, "item_count": len(used) if m else 0,
              "left_out_item_count": len(rows) - (len(used) if m else 0), "kappa": None}
    if m:
        table, _ = aggregate_raters(np.array(used, dtype=int), n_cat=k)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result["kappa"] = num(fleiss_kappa(table, method="fleiss"))
    return result


def alpha_package(rows, k, level, with_domain):
    data = np.array([[np.nan if v is None else float(v) for v in r] for r in rows], dtype=np.float64).T
    if data.size == 0:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if with_domain:
                return krippendorff.alpha(reliability_data=data, value_domain=list(range(k)), level_of_measurement=level)
            return krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    except ValueError:
        return None


def percent_agreement(rows):
    shares = []
    for r in rows:
        labels = [v for v in r if v is not None]
        if len(labels) >= 2:
            pairs = list(combinations(labels, 2))
            shares.append(Fraction(sum(x == y for x, y in pairs), len(pairs)))
    return float(sum(shares) / len(shares)) if shares else None


# =====================================================================
# Studies
# =====================================================================
def simulated(seed, items, readers, k, accuracy, missing=0.0, prevalence=None):
    """Rows of labels: a true category per item; each reader is right with its accuracy, else off by one
    (two thirds of the time) or anywhere; a read is missing with probability `missing`."""
    r = generator(seed)
    truth = r.choice(k, size=items, p=prevalence)
    rows = []
    for t in truth:
        row = []
        for reader in range(readers):
            if r.random() < missing:
                row.append(None)
                continue
            if r.random() < accuracy[reader]:
                label = int(t)
            elif r.random() < 2 / 3:
                label = int(np.clip(t + r.choice([-1, 1]), 0, k - 1))
            else:
                label = int(r.integers(0, k))
            row.append(label)
        rows.append(row)
    return rows


def non_symmetric_costs(seed, k):
    r = generator(seed)
    costs = r.integers(0, 9, size=(k, k)) / 8
    costs[np.arange(k), np.arange(k)] = 0
    costs[0, k - 1], costs[k - 1, 0] = 1.0, 0.25  # never symmetric
    return costs.tolist()


def studies():
    """(name, description, categories, rows, custom weight matrix)."""
    out = []
    cats = lambda k: [f"c{i}" for i in range(k)]  # noqa: E731

    out.append(("three-readers-four-classes", "60 items, 3 readers, 4 ordered classes, every item read by all",
                cats(4), simulated(1, 60, 3, 4, [0.8, 0.7, 0.6]), non_symmetric_costs(101, 4)))

    rows = simulated(2, 50, 4, 3, [0.85, 0.75, 0.7, 0.6])
    rows = [[None if v is None else [0, 2, 5][v] for v in r] for r in rows]
    out.append(("unused-categories", "6 categories, readers use only 0, 2 and 5; 4 readers, 50 items",
                cats(6), rows, non_symmetric_costs(102, 6)))

    out.append(("single-category-of-three", "3 categories, every read is category 1: kappa and alpha undefined",
                cats(3), [[1, 1] for _ in range(12)], non_symmetric_costs(103, 3)))

    out.append(("one-category-study", "a study whose only category is used by everyone",
                ["only"], [[0, 0, 0] for _ in range(5)], [[0.5]]))

    rows = simulated(5, 90, 7, 5, [0.9, 0.8, 0.8, 0.7, 0.65, 0.6, 0.5], missing=0.35)
    rows[3] = [None] * 7
    rows[4] = [2] + [None] * 6
    out.append(("seven-readers-missing-reads", "90 items, 7 readers, 5 classes, 35% of reads missing, items with "
                "0 and 1 reads, unequal read counts", cats(5), rows, non_symmetric_costs(105, 5)))

    rows = simulated(6, 40, 2, 3, [0.75, 0.7], missing=0.2)
    out.append(("two-readers-one-read-items", "2 readers, 3 classes, 40 items, some read by one reader only",
                cats(3), rows, non_symmetric_costs(106, 3)))

    out.append(("five-readers-full", "5 readers, 3 classes, 70 items, all read by all",
                cats(3), simulated(7, 70, 5, 3, [0.9, 0.8, 0.7, 0.6, 0.5]), non_symmetric_costs(107, 3)))

    out.append(("no-item-read-twice", "3 readers, 4 classes, every item read once: everything undefined",
                cats(4), [[i % 4 if j == i % 3 else None for j in range(3)] for i in range(9)],
                non_symmetric_costs(108, 4)))

    rows = simulated(8, 24, 4, 3, [0.8, 0.7, 0.7, 0.6])
    for item, row in enumerate(rows):  # 8 items with 2 reads, 8 with 3, 8 with 4 after this: a three-way tie
        keep = 2 + item % 3
        rows[item] = [v if (reader - item) % 4 < keep else None for reader, v in enumerate(row)]
    out.append(("tied-read-counts", "4 readers, 3 classes, as many items with 2, 3 and 4 reads: Fleiss uses the 4-read items",
                cats(3), rows, non_symmetric_costs(110, 3)))

    textbook = [[np.nan, np.nan, np.nan, np.nan, np.nan, 3, 4, 1, 2, 1, 1, 3, 3, np.nan, 3],
                [1, np.nan, 2, 1, 3, 3, 4, 3, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan],
                [np.nan, np.nan, 2, 1, 3, 4, 4, np.nan, 2, 1, 1, 3, 3, np.nan, 4]]
    rows = [[None if np.isnan(textbook[j][i]) else int(textbook[j][i]) - 1 for j in range(3)] for i in range(15)]
    out.append(("krippendorff-docstring", "the krippendorff package's own example (values 1-4 as indices 0-3)",
                cats(4), rows, non_symmetric_costs(109, 4)))

    rows = simulated(10, 300, 3, 4, [0.8, 0.75, 0.55], missing=0.1, prevalence=[0.4, 0.3, 0.2, 0.1])
    rows[0] = [1, 1, 2]  # every reader on the first line, so the CLI meets them in this order
    out.append(("cli-tissuenet", "300 tiles, 3 pathologists, tissuenet-demo's 4 grades and cost matrix; "
                "also written as reads.csv for the CLI test", ["0", "1", "2", "3"], rows, TISSUENET_COSTS))
    return out


def evaluate(categories, rows, costs):
    k = len(categories)
    readers = len(rows[0]) if rows else 0
    cohen = []
    for a, b in combinations(range(readers), 2):
        entry = {"reader_a": a, "reader_b": b}
        for weights in WEIGHTS:
            reference = cohen_sklearn(rows, k, a, b, weights)
            formula = cohen_formula(rows, k, a, b, builtin_weights(k, weights))
            if (num(reference) is None) != (formula is None) or (formula is not None and abs(formula - reference) > 1e-13):
                sys.exit(f"the formula disagrees with sklearn: {weights} {a} {b} {formula} {reference}")
            entry[weights] = num(reference)
        entry["custom"] = num(cohen_formula(rows, k, a, b, costs))
        cohen.append(entry)
    alpha = {level: {"with_domain": num(alpha_package(rows, k, level, True)),
                     "without_domain": num(alpha_package(rows, k, level, False))} for level in LEVELS}
    return {"cohen": cohen, "fleiss": fleiss_statsmodels(rows, k), "krippendorff": alpha,
            "percent_agreement": num(percent_agreement(rows))}


def studies_section(study_list):
    return [{"name": name, "description": description, "categories": categories, "custom_weights": costs,
             "rows": rows, **evaluate(categories, rows, costs)}
            for name, description, categories, rows, costs in study_list]


# =====================================================================
# Bootstrap: SplitMix64 plan, statistics recomputed per resample
# =====================================================================
MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def splitmix_next(state):
    """(next state, output) of SplitMix64."""
    state = (state + GOLDEN) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def uniform_below(state, bound):
    """Lemire: the high word of a 64x64 product, redrawn while the low word falls under 2^64 mod bound."""
    threshold = (1 << 64) % bound
    while True:
        state, x = splitmix_next(state)
        product = x * bound
        if (product & MASK64) >= threshold:
            return state, product >> 64


def resample_plan(seed, resamples, items):
    plan = []
    root = seed
    for _ in range(resamples):
        root, state = splitmix_next(root)
        drawn = []
        for _ in range(items):
            state, index = uniform_below(state, items)
            drawn.append(index)
        plan.append(drawn)
    return plan


def statistic_value(statistic, categories, rows, costs):
    k = len(categories)
    kind = statistic["kind"]
    if kind == "cohen":
        if statistic["weights"] == "custom":
            return num(cohen_formula(rows, k, statistic["reader_a"], statistic["reader_b"], costs))
        return num(cohen_sklearn(rows, k, statistic["reader_a"], statistic["reader_b"], statistic["weights"]))
    if kind == "fleiss":
        return fleiss_statsmodels(rows, k)["kappa"]
    if kind == "krippendorff":
        return num(alpha_package(rows, k, statistic["level"], True))
    return num(percent_agreement(rows))


def statistics_for(readers):
    out = [{"kind": "cohen", "reader_a": a, "reader_b": b, "weights": "none"} for a, b in combinations(range(readers), 2)]
    out += [{"kind": "cohen", "reader_a": 0, "reader_b": 1, "weights": w} for w in ("linear", "quadratic", "custom")]
    out += [{"kind": "fleiss"}] + [{"kind": "krippendorff", "level": level} for level in LEVELS]
    return out + [{"kind": "percent"}]


def bootstraps_section(study_list):
    by_name = {s[0]: s for s in study_list}
    runs = [("three-readers-four-classes", 20240607, 40, 0.95), ("seven-readers-missing-reads", 7, 30, 0.95),
            ("two-readers-one-read-items", MASK64, 50, 0.9), ("single-category-of-three", 3, 10, 0.95),
            ("krippendorff-docstring", 11, 60, 0.95), ("cli-tissuenet", 0, 25, 0.95)]
    out = []
    for study, seed, resamples, confidence in runs:
        _, _, categories, rows, costs = by_name[study]
        plan = resample_plan(seed, resamples, len(rows))
        results = []
        for statistic in statistics_for(len(rows[0])):
            values = [statistic_value(statistic, categories, [rows[i] for i in drawn], costs) for drawn in plan]
            defined = [v for v in values if v is not None]
            percents = [(100 - 100 * confidence) / 2, (100 + 100 * confidence) / 2]
            bounds = [float(q) for q in np.percentile(defined, percents)] if defined else [None, None]
            results.append({**statistic, "estimate": statistic_value(statistic, categories, rows, costs),
                            "resampled": values, "lower": bounds[0], "upper": bounds[1]})
        out.append({"study": study, "seed": seed, "resamples": resamples, "confidence": confidence,
                    "first_resample": plan[0], "statistics": results})
    return out


def write_reads_csv(study_list):
    _, _, categories, rows, _ = next(s for s in study_list if s[0] == "cli-tissuenet")
    readers = ["dr_lambert", "dr_okafor", "dr_tanaka"]
    lines = ["item_id,reader,label"]
    for item, row in enumerate(rows):
        for reader, label in enumerate(row):
            if label is not None:
                lines.append(f"tile_{item:04d},{readers[reader]},{categories[label]}")
    path = os.path.join(REPO_ROOT, READS_REL)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    return readers


def main():
    study_list = studies()
    os.makedirs(os.path.join(REPO_ROOT, os.path.dirname(EXPECTED_REL)), exist_ok=True)
    readers = write_reads_csv(study_list)
    document = {
        "generator": "scripts/oracles/agreement_oracle.py",
        "versions": ACTUAL,
        "cli_readers": readers,
        "studies": studies_section(study_list),
        "bootstraps": bootstraps_section(study_list),
    }
    with open(os.path.join(REPO_ROOT, EXPECTED_REL), "w", encoding="ascii", newline="\n") as f:
        json.dump(document, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {EXPECTED_REL} and {READS_REL}")


if __name__ == "__main__":
    main()
