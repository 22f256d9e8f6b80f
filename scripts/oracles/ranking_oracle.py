#!/usr/bin/env python3
"""Reference oracle for Arbiter's leaderboard statistics (Sources/Scoring/Statistics, .../Ranking).

PINNED VERSIONS (exactly what produced the committed expected.json):
    Python 3.11.7, numpy 2.4.6, scipy 1.17.1, statsmodels 0.15.0
See scripts/oracles/ranking-requirements.txt.  The script aborts on any other
version unless ARBITER_ORACLE_IGNORE_VERSIONS=1 is set (then the actual
versions are recorded in expected.json, and the diff must be reviewed).

Usage (from anywhere; deterministic, same bytes every run):
    /work/venv-ranking/bin/python scripts/oracles/ranking_oracle.py

Writes Fixtures/oracles/ranking/expected.json: every input (generated here with
seeded numpy generators, mostly on a grid of multiples of 1/64 or 1/1024 so that
ties are exact and JSON round-trips exactly) next to the expected outputs.  NaN
is written as null.

Sections and the reference each one uses:
  wilcoxon      scipy.stats.wilcoxon(x, y, zero_method="wilcox", correction=True,
                method="approx", alternative=...).  statistic is SciPy's: r_plus for
                "less"/"greater", min(r_plus, r_minus) for "two-sided"; z is SciPy's
                zstatistic (for two-sided: -|z|); r_plus/r_minus recomputed here.
  holm          statsmodels multipletests(p, method="holm")[1]; NaN entries are
                sorted last and still counted in m (statsmodels' behaviour).
  kendall_tau   scipy.stats.kendalltau(x, y) (variant "b").
  percentiles   numpy.percentile(values, percents) (method "linear").
  seeded_plan   an independent Python implementation of the Swift bootstrap RNG:
                resample b uses SplitMix64 whose initial state is the b-th output
                (b = 0, 1, ...) of SplitMix64(seed); each case index is drawn with
                Lemire's unbiased multiply-shift method (64x64 -> 128 bits).
  rankings      the ranking schemes, re-implemented below with numpy loops:
                * minimum rank: 1 + number of teams with a strictly better value
                  (ties share the smallest rank: 1, 2, 2, 4).
                * aggregate-then-rank: missing values are replaced by the worst value
                  observed for that metric over all teams and cases (min if higher is
                  better, max if lower is better); per team mean (exactly rounded sum,
                  math.fsum, divided by the count) or numpy median over the cases;
                  ranked in the metric's direction.
                * rank-then-aggregate: within each case, teams with a value get their
                  minimum rank among the teams with a value; teams without a value share
                  rank (number of teams with a value) + 1.  Mean (fsum) or median of a
                  team's ranks over the cases, ranked with lower = better.
                * test-then-rank (challengeR's definition): for every ordered pair
                  (i, j), the one-sided Wilcoxon test "i better than j" (alternative
                  "greater" on x_i - x_j if higher is better, "less" otherwise) over the
                  cases where both have a value (duplicates of a resample kept).
                  Optional Holm adjustment over all T(T-1) ordered-pair p-values.
                  Significant when p <= alpha; a NaN p-value (no non-zero difference,
                  or no common case) is not significant.  Score = share of the other
                  T-1 teams beaten significantly (0 when T = 1), ranked higher = better.
                * several metrics: mean (fsum) or median of the ranks of the metrics
                  included in the ranking, ranked lower = better.
                * first_place_groups (per metric): reference = lowest-index team of
                  final rank 1; one-sided Wilcoxon "reference better than j" on the
                  cases both have, Holm-adjusted with statsmodels over the T-1 tests
                  (NaN counted in m); j is a member unless adjusted p <= alpha (0.05);
                  NaN p-values are written as null and their team is a member.
  bootstraps    for an explicit resampling plan (case-index vectors): the final ranks
                of every resample (worst values and rank-then-aggregate missing ranks
                come from the full data, the scheme is re-run on the resampled cases),
                per team the rank counts, numpy percentiles 2.5 and 97.5 of its ranks,
                P(rank 1), and scipy kendalltau between the full final ranks and each
                resample's final ranks with numpy.nanpercentile 25/50/75 (null when no
                tau is defined).
"""

import json
import math
import os
import sys
import warnings

PINNED = {"python": "3.11.7", "numpy": "2.4.6", "scipy": "1.17.1", "statsmodels": "0.15.0"}
if "%d.%d.%d" % sys.version_info[:3] != PINNED["python"] and os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") != "1":
    sys.exit(f"version mismatch: pinned Python {PINNED['python']}, running {sys.version.split()[0]}"
             "\n(set ARBITER_ORACLE_IGNORE_VERSIONS=1 to run anyway)")

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import statsmodels  # noqa: E402
from scipy.stats import kendalltau, wilcoxon  # noqa: E402
from statsmodels.stats.multitest import multipletests  # noqa: E402

ACTUAL = {
    "python": "%d.%d.%d" % sys.version_info[:3],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "statsmodels": statsmodels.__version__,
}
if ACTUAL != PINNED:
    msg = f"version mismatch: pinned {PINNED}, running {ACTUAL}"
    if os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") == "1":
        print("WARNING: " + msg, file=sys.stderr)
    else:
        sys.exit(msg + "\n(set ARBITER_ORACLE_IGNORE_VERSIONS=1 to run anyway)")

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUTPUT_REL = "Fixtures/oracles/ranking/expected.json"
ALPHA = 0.05


def rng_for(seed):
    return np.random.Generator(np.random.PCG64(seed))


def num(x):
    """A float for JSON, None for NaN."""
    x = float(x)
    return None if math.isnan(x) else x


def grid(rng, shape, low, high, step):
    """Uniform values k * step for integers k in [round(low / step), round(high / step)]; with a
    power-of-two step these are exact binary fractions with short decimal forms."""
    first, last = int(round(low / step)), int(round(high / step))
    return step * rng.integers(first, last + 1, size=shape).astype(np.float64)


# =====================================================================
# Wilcoxon signed-rank
# =====================================================================
def wilcoxon_inputs():
    r = rng_for(11_000)
    cases = []
    x = grid(r, 5, 0, 1, 1 / 64)
    cases.append(("n5-no-ties", x, x - grid(r, 5, -0.5, 0.5, 1 / 1024) - 1 / 2048))
    cases.append(("n5-zero-differences", np.array([1.0, 2, 3, 4, 5]), np.array([1.0, 1.5, 3, 3, 5.25])))
    cases.append(("n6-tied-magnitudes-both-signs", np.array([1.0, 2, 3, 4, 5, 6]), np.array([1.5, 1.5, 3.5, 3.5, 4, 6.5])))
    cases.append(("all-differences-zero", np.array([0.25, 0.5, 0.75]), np.array([0.25, 0.5, 0.75])))
    cases.append(("single-non-zero-difference", np.array([1.0, 2, 3, 4, 5.5]), np.array([1.0, 2, 3, 4, 5])))
    cases.append(("z-exactly-zero", np.array([1.0, -1.0]), np.array([0.0, 0.0])))
    cases.append(("empty", np.array([], dtype=np.float64), np.array([], dtype=np.float64)))
    y = grid(r, 60, 0, 1, 1 / 1024)
    cases.append(("n60-fine-grid", y + grid(r, 60, -0.05, 0.1, 1 / 1024), y))
    cases.append(("n60-heavy-ties", grid(r, 60, 0, 5, 1), grid(r, 60, 0, 5, 1)))
    y = r.random(40)
    cases.append(("n40-continuous", y - 0.1 * r.random(40), y))
    y = grid(r, 1500, 0, 1, 1 / 64)
    cases.append(("n1500-coarse-grid", y + grid(r, 1500, -0.25, 0.28125, 1 / 64), y))
    x = grid(r, 300, 0, 1, 1 / 8)
    cases.append(("n300-strong-effect", x + 0.5, x + grid(r, 300, -0.25, 0.25, 1 / 8)))
    return cases


def wilcoxon_reference(x, y, alternative):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = wilcoxon(x, y, zero_method="wilcox", correction=True, method="approx", alternative=alternative)
    d = x - y
    d = d[d != 0]
    ranks = scipy.stats.rankdata(np.abs(d)) if d.size else d
    return {
        "statistic": num(res.statistic),
        "z": num(getattr(res, "zstatistic", float("nan"))),  # absent for empty input
        "p_value": num(res.pvalue),
        "r_plus": float(ranks[d > 0].sum()),
        "r_minus": float(ranks[d < 0].sum()),
        "non_zero_count": int(d.size),
    }


def wilcoxon_section():
    out = []
    for name, x, y in wilcoxon_inputs():
        for alternative in ("less", "greater", "two-sided"):
            out.append({"name": name, "x": x.tolist(), "y": y.tolist(), "alternative": alternative,
                        **wilcoxon_reference(x, y, alternative)})
    return out


# =====================================================================
# Holm, Kendall tau, percentiles
# =====================================================================
def holm_section():
    r = rng_for(12_000)
    inputs = [
        ("single", [0.3]),
        ("already-sorted", [0.001, 0.01, 0.02, 0.04]),
        ("unsorted-with-cap", [0.2, 0.01, 0.6, 0.03, 0.5]),
        ("tied-p-values", [0.02, 0.02, 0.6, 0.3, 0.02]),
        ("non-monotone-raw", [0.01, 0.011, 0.012, 0.5, 0.0125]),
        ("with-nan", [0.01, float("nan"), 0.04, 0.03]),
        ("ones-and-zeros", [1.0, 0.0, 1.0, 0.0]),
        ("random-30", r.random(30).tolist()),
        ("tiny-values", (10.0 ** -r.integers(3, 12, size=12)).tolist()),
    ]
    out = []
    for name, p in inputs:
        adjusted = multipletests(np.array(p), alpha=ALPHA, method="holm")[1]
        out.append({"name": name, "p_values": [num(v) for v in p], "adjusted": [num(v) for v in adjusted]})
    return out


def kendall_section():
    r = rng_for(13_000)
    inputs = [
        ("reversed", [1, 2, 3, 4, 5], [5, 4, 3, 2, 1]),
        ("identical", [3, 1, 2], [3, 1, 2]),
        ("two-elements", [1, 2], [1, 2]),
        ("one-element", [1], [1]),
        ("constant-x", [2, 2, 2, 2], [1, 2, 3, 4]),
        ("ties-in-both", [1, 2, 2, 4, 5, 5, 5, 8], [2, 1, 3, 3, 5, 6, 6, 8]),
        ("ranks-100-with-ties", r.integers(1, 30, 100).tolist(), r.integers(1, 40, 100).tolist()),
        ("doubles-60", grid(r, 60, 0, 1, 1 / 16).tolist(), grid(r, 60, 0, 1, 1 / 32).tolist()),
        ("continuous-500", r.random(500).tolist(), r.random(500).tolist()),
    ]
    out = []
    for name, x, y in inputs:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tau = kendalltau(np.array(x, dtype=np.float64), np.array(y, dtype=np.float64)).statistic
        out.append({"name": name, "x": [float(v) for v in x], "y": [float(v) for v in y], "tau": num(tau)})
    return out


def percentile_section():
    r = rng_for(14_000)
    inputs = [
        ("one-value", [4.0]),
        ("five-ranks", [3.0, 1, 2, 2, 5]),
        ("thousand-ranks", r.integers(1, 13, 1000).astype(float).tolist()),
        ("forty-doubles", r.random(40).tolist()),
    ]
    percents = [0.0, 2.5, 25.0, 50.0, 75.0, 97.5, 100.0]
    return [{"name": name, "values": v, "percents": percents,
             "expected": [float(q) for q in np.percentile(np.array(v), percents)]} for name, v in inputs]


# =====================================================================
# Seeded plan: SplitMix64 + Lemire
# =====================================================================
MASK = (1 << 64) - 1


def splitmix_output(state):
    """Returns (new_state, output)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def below(state, n):
    state, x = splitmix_output(state)
    m = x * n
    low = m & MASK
    if low < n:
        threshold = ((1 << 64) - n) % n
        while low < threshold:
            state, x = splitmix_output(state)
            m = x * n
            low = m & MASK
    return state, m >> 64


def seeded_plan(seed, resamples, case_count):
    plan = []
    root = seed
    for _ in range(resamples):
        root, state = splitmix_output(root)
        row = []
        for _ in range(case_count):
            state, v = below(state, case_count)
            row.append(v)
        plan.append(row)
    return plan


def seeded_plan_section():
    return [{"seed": seed, "case_count": n, "resamples": b, "plan": seeded_plan(seed, b, n)}
            for seed, b, n in [(20240601, 4, 10), (0, 2, 7), (MASK, 3, 1000), (42, 2, 3)]]


# =====================================================================
# Ranking schemes (independent re-implementation)
# =====================================================================
def min_ranks(scores, higher_is_better):
    s = np.asarray(scores, dtype=np.float64)
    better = (s[None, :] > s[:, None]) if higher_is_better else (s[None, :] < s[:, None])
    return (1 + better.sum(axis=1)).astype(int)


def aggregate(values, how):
    values = np.asarray(values, dtype=np.float64)
    if how == "mean":
        return math.fsum(values.tolist()) / len(values)
    return float(np.median(values))


def pair_p_value(a, b, higher_is_better):
    """One-sided Wilcoxon p-value for 'a better than b' on paired values (NaN = missing)."""
    keep = ~np.isnan(a) & ~np.isnan(b)
    a, b = a[keep], b[keep]
    if a.size == 0:
        return float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(wilcoxon(a, b, zero_method="wilcox", correction=True, method="approx",
                              alternative="greater" if higher_is_better else "less").pvalue)


def holm(p):
    return multipletests(np.array(p), alpha=ALPHA, method="holm")[1]


class Metric:
    def __init__(self, name, higher, included, values):
        self.name, self.higher, self.included = name, higher, included
        self.raw = np.array([[np.nan if v is None else v for v in row] for row in values], dtype=np.float64)
        observed = self.raw[~np.isnan(self.raw)]
        worst = observed.min() if higher else observed.max()
        self.filled = np.where(np.isnan(self.raw), worst, self.raw)
        teams, cases = self.raw.shape
        self.case_ranks = np.zeros((teams, cases))
        for c in range(cases):
            column = self.raw[:, c]
            have = ~np.isnan(column)
            for t in range(teams):
                if have[t]:
                    better = (column[have] > column[t]) if higher else (column[have] < column[t])
                    self.case_ranks[t, c] = 1 + better.sum()
                else:
                    self.case_ranks[t, c] = have.sum() + 1

    def scores(self, scheme, cases):
        teams = self.raw.shape[0]
        kind = scheme["kind"]
        if kind == "aggregate-then-rank":
            s = [aggregate(self.filled[t, cases], scheme["aggregation"]) for t in range(teams)]
            return s, min_ranks(s, self.higher)
        if kind == "rank-then-aggregate":
            s = [aggregate(self.case_ranks[t, cases], scheme["aggregation"]) for t in range(teams)]
            return s, min_ranks(s, False)
        assert kind == "test-then-rank"
        pairs = [(i, j) for i in range(teams) for j in range(teams) if i != j]
        p = [pair_p_value(self.raw[i, cases], self.raw[j, cases], self.higher) for i, j in pairs]
        if scheme["adjustment"] == "holm" and p:
            p = holm(p)
        wins = np.zeros(teams)
        for (i, _), pv in zip(pairs, p):
            if not math.isnan(pv) and pv <= scheme["alpha"]:
                wins[i] += 1
        s = (wins / (teams - 1) if teams > 1 else wins).tolist()
        return s, min_ranks(s, True)


def rank_table(metrics, scheme, metric_aggregation, cases):
    metric_scores, metric_ranks = [], []
    for m in metrics:
        s, r = m.scores(scheme, cases)
        metric_scores.append([float(v) for v in s])
        metric_ranks.append(r)
    included = np.array([r for m, r in zip(metrics, metric_ranks) if m.included], dtype=np.float64)
    combined = [aggregate(included[:, t], metric_aggregation) for t in range(included.shape[1])]
    return {
        "metric_scores": metric_scores,
        "metric_ranks": [r.tolist() for r in metric_ranks],
        "combined_scores": combined,
        "ranks": min_ranks(combined, False).tolist(),
    }


def first_place_groups(metrics, ranks):
    reference = int(np.flatnonzero(np.array(ranks) == 1)[0])
    groups = []
    for m in metrics:
        others = [j for j in range(m.raw.shape[0]) if j != reference]
        p = [pair_p_value(m.raw[reference], m.raw[j], m.higher) for j in others]
        adjusted = holm(p) if p else []
        raw_out, adj_out, members = [None] * m.raw.shape[0], [None] * m.raw.shape[0], [True] * m.raw.shape[0]
        for j, pv, av in zip(others, p, adjusted):
            raw_out[j], adj_out[j] = num(pv), num(av)
            members[j] = bool(math.isnan(av) or av > ALPHA)
        groups.append({"reference": reference, "p_values": raw_out, "adjusted_p_values": adj_out, "members": members})
    return groups


SCHEMES = [
    {"kind": "aggregate-then-rank", "aggregation": "mean"},
    {"kind": "aggregate-then-rank", "aggregation": "median"},
    {"kind": "rank-then-aggregate", "aggregation": "mean"},
    {"kind": "rank-then-aggregate", "aggregation": "median"},
    {"kind": "test-then-rank", "alpha": ALPHA, "adjustment": "none"},
    {"kind": "test-then-rank", "alpha": ALPHA, "adjustment": "holm"},
]


def with_missing(rng, values, share):
    values = values.astype(object)
    values[rng.random(values.shape) < share] = None
    return values.tolist()


def tables():
    """(name, description, metrics as JSON-ready dicts)."""
    r = rng_for(15_000)
    out = []

    def metric(name, direction, values, included=True):
        return {"name": name, "direction": direction, "included_in_ranking": included,
                "values": [[None if v is None else float(v) for v in row] for row in values]}

    tiny = np.array([[0.5, 0.75, 0.25, 1.0, 0.5, 0.5],
                     [0.75, 0.5, 0.5, 0.75, 0.5, 0.5],
                     [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
                     [0.25, 0.25, 0.75, 0.5, 1.0, 0.5],
                     [0.0, 0.5, 0.25, 0.25, 0.5, 0.5]])
    out.append(("tiny-5x6", "5 teams x 6 cases, higher is better, tied means, a case where all "
                "teams score 0.5", [metric("dice", "higher", tiny)]))

    base = grid(r, (1, 20), 1, 4, 1 / 64)
    skill = np.arange(8)[:, None] * (1 / 16)
    values = base + skill + grid(r, (8, 20), -0.5, 0.5, 1 / 64)
    missing = with_missing(r, values, 0.12)
    missing[7] = [None if c % 3 else v for c, v in enumerate(missing[7])]
    for t in range(8):
        missing[t][4] = None
    out.append(("missing-8x20", "8 teams x 20 cases, lower is better, ~12% missing, team 7 misses "
                "2/3 of the cases, case 4 missing for every team", [metric("distance", "lower", missing)]))

    row = grid(r, (1, 15), 0, 1, 1 / 32)
    identical = np.vstack([row, row, row + grid(r, (1, 15), -0.25, 0.25, 1 / 32), row - 1 / 8,
                           grid(r, (1, 15), 0, 1, 1 / 32)])
    identical[:, 3] = 0.5
    out.append(("identical-teams-5x15", "teams 0 and 1 identical (all differences zero), case 3 "
                "all-equal, higher is better", [metric("accuracy", "higher", identical)]))

    skill = np.linspace(0, 0.3, 12)[:, None]
    values = np.clip(grid(r, (1, 60), 0.2, 0.7, 1 / 1024) + skill + grid(r, (12, 60), -0.2, 0.2, 1 / 1024), 0, 1)
    out.append(("larger-12x60", "12 teams x 60 cases, higher is better, fine grid",
                [metric("auc", "higher", values)]))

    skill = np.arange(6)[:, None] / 32
    m1 = grid(r, (6, 25), 0, 1, 1 / 16) + skill
    m2 = grid(r, (6, 25), 0, 10, 1 / 4) - 8 * skill
    m3 = with_missing(r, grid(r, (6, 25), 0, 1, 1 / 8), 0.1)
    m4 = grid(r, (6, 25), 0, 1, 1 / 2)
    out.append(("multi-metric-6x25", "6 teams x 25 cases, 4 metrics (higher, lower, higher with "
                "missing values, and an excluded one)",
                [metric("dice", "higher", m1), metric("hausdorff", "lower", m2),
                 metric("recall", "higher", m3), metric("runtime", "lower", m4, included=False)]))

    same = np.tile(grid(r, (1, 8), 0, 1, 1 / 4), (3, 1))
    out.append(("all-tied-3x8", "3 identical teams: every rank is 1, Kendall tau undefined",
                [metric("score", "higher", same)]))

    out.append(("single-team", "one team, 4 cases", [metric("score", "higher", np.array([[0.5, 0.25, 1, 0]]))]))
    return out


def build_metrics(spec):
    return [Metric(m["name"], m["direction"] == "higher", m["included_in_ranking"], m["values"]) for m in spec]


def rankings_section(table_list):
    out = []
    for name, description, spec in table_list:
        metrics = build_metrics(spec)
        cases = np.arange(metrics[0].raw.shape[1])
        results = []
        for scheme in SCHEMES:
            for metric_aggregation in ("mean", "median"):
                if len(metrics) == 1 and metric_aggregation == "median":
                    continue
                results.append({"scheme": scheme, "metric_aggregation": metric_aggregation,
                                **rank_table(metrics, scheme, metric_aggregation, cases)})
        groups = first_place_groups(metrics, results[0]["ranks"])
        out.append({"name": name, "description": description, "metrics": spec, "results": results,
                    "first_place_groups": groups})
    return out


def bootstrap_reference(metrics, scheme, metric_aggregation, plan):
    full = rank_table(metrics, scheme, metric_aggregation, np.arange(metrics[0].raw.shape[1]))["ranks"]
    teams = len(full)
    resampled = np.array([rank_table(metrics, scheme, metric_aggregation, np.array(cases))["ranks"]
                          for cases in plan])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        taus = np.array([kendalltau(np.array(full, dtype=float), row.astype(float)).statistic for row in resampled])
        if np.isnan(taus).all():
            quartiles = None
        else:
            quartiles = [float(v) for v in np.nanpercentile(taus, [25, 50, 75])]
    intervals = [np.percentile(resampled[:, t], [2.5, 97.5]) for t in range(teams)]
    return {
        "full_ranks": full,
        "resampled_ranks": resampled.tolist(),
        "rank_counts": [[int((resampled[:, t] == k).sum()) for k in range(1, teams + 1)] for t in range(teams)],
        "rank_interval_lower": [float(i[0]) for i in intervals],
        "rank_interval_upper": [float(i[1]) for i in intervals],
        "probability_first": [float(np.mean(resampled[:, t] == 1)) for t in range(teams)],
        "kendall_taus": [num(v) for v in taus],
        "kendall_tau_quartiles": quartiles,
    }


def bootstraps_section(table_list):
    r = rng_for(16_000)
    by_name = {name: spec for name, _, spec in table_list}
    runs = [
        ("tiny-5x6", SCHEMES[0], "mean", 30),
        ("missing-8x20", SCHEMES[0], "mean", 50),
        ("missing-8x20", SCHEMES[2], "mean", 50),
        ("larger-12x60", SCHEMES[1], "mean", 40),
        ("larger-12x60", SCHEMES[3], "mean", 25),
        ("multi-metric-6x25", SCHEMES[0], "mean", 25),
        ("multi-metric-6x25", SCHEMES[2], "median", 25),
        ("identical-teams-5x15", SCHEMES[4], "mean", 20),
        ("identical-teams-5x15", SCHEMES[5], "mean", 10),
        ("all-tied-3x8", SCHEMES[0], "mean", 12),
    ]
    out = []
    for table, scheme, metric_aggregation, resamples in runs:
        metrics = build_metrics(by_name[table])
        n = metrics[0].raw.shape[1]
        plan = r.integers(0, n, size=(resamples, n)).tolist()
        out.append({"table": table, "scheme": scheme, "metric_aggregation": metric_aggregation, "plan": plan,
                    **bootstrap_reference(metrics, scheme, metric_aggregation, plan)})
    return out


def main():
    table_list = tables()
    document = {
        "generator": "scripts/oracles/ranking_oracle.py",
        "versions": ACTUAL,
        "alpha": ALPHA,
        "wilcoxon": wilcoxon_section(),
        "holm": holm_section(),
        "kendall_tau": kendall_section(),
        "percentiles": percentile_section(),
        "seeded_plans": seeded_plan_section(),
        "rankings": rankings_section(table_list),
        "bootstraps": bootstraps_section(table_list),
    }
    path = os.path.join(REPO_ROOT, OUTPUT_REL)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        json.dump(document, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {OUTPUT_REL}")


if __name__ == "__main__":
    main()
