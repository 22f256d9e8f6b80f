#!/usr/bin/env python3
# Reference oracle for Arbiter's classification metrics.
#
# PINNED VERSIONS (exactly what produced the committed expected.json):
#     Python 3.11.7, numpy 2.4.6, scikit-learn 1.9.1 (scipy 1.17.1)
# See scripts/oracles/requirements.txt.  The script aborts on any other
# version unless ARBITER_ORACLE_IGNORE_VERSIONS=1 is set (then the actual
# versions are recorded in expected.json, and the diff must be reviewed).
"""Generate oracle input cases and compute the expected metric values.

Usage (from anywhere):
    /path/to/venv/bin/python scripts/oracles/classification_oracle.py

1. (Re)generates the oracle input cases with a seeded numpy generator into
   Fixtures/oracles/classification/<case>/{truth.csv,predictions.csv,cost-matrix.json}.
2. Reads every case back *from the files* (so values are exactly what a CSV
   parser sees), plus the TissueNet demo files in Fixtures/tissuenet-demo/
   (made by scripts/fixtures/make_tissuenet_demo.py; run that first), and
3. writes Fixtures/oracles/classification/expected.json with the values that
   scikit-learn / numpy compute.

Metric definitions (class order = the "classes" list of the case's
cost-matrix.json; class ids are mapped to indices 0..K-1 in that order):
  cost_matrix_score        numpy mean over cases of 1 - E[true][pred]
  accuracy                 sklearn accuracy_score
  quadratic_weighted_kappa sklearn cohen_kappa_score(labels=0..K-1,
                           weights="quadratic"); null when sklearn says undefined
  recall_per_class         sklearn recall_score(average=None, labels=0..K-1,
                           zero_division=nan); null where nan
  confusion_matrix         sklearn confusion_matrix(labels=0..K-1); rows = truth
  auroc_per_class          sklearn roc_auc_score(y_true == k, p_k); null when
                           y_true == k is constant (only with probabilities)
  macro_auroc              mean of the non-null per-class AUROCs (null if none)
  macro_auroc_sklearn_ovr  roc_auc_score(y, P, multi_class="ovr",
                           average="macro", labels=0..K-1) when every class is
                           present in the truth (asserted == macro_auroc to
                           1e-12), else null
Rows are aligned to the order of the truth file before computing.
"""

import json
import os
import sys
import warnings

PINNED = {"python": "3.11.7", "numpy": "2.4.6", "scikit-learn": "1.9.1", "scipy": "1.17.1"}

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
from sklearn.exceptions import UndefinedMetricWarning  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    accuracy_score,
    cohen_kappa_score,
    confusion_matrix,
    recall_score,
    roc_auc_score,
)

ACTUAL = {
    "python": "%d.%d.%d" % sys.version_info[:3],
    "numpy": np.__version__,
    "scikit-learn": sklearn.__version__,
    "scipy": scipy.__version__,
}
if ACTUAL != PINNED:
    msg = f"version mismatch: pinned {PINNED}, running {ACTUAL}"
    if os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") == "1":
        print("WARNING: " + msg, file=sys.stderr)
    else:
        sys.exit(msg + "\n(set ARBITER_ORACLE_IGNORE_VERSIONS=1 to run anyway)")

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ORACLE_DIR_REL = "Fixtures/oracles/classification"
DEMO_DIR_REL = "Fixtures/tissuenet-demo"

TISSUENET_CLASSES = ["0", "1", "2", "3"]
TISSUENET_MATRIX = [
    [0.0, 0.1, 0.7, 1.0],
    [0.1, 0.0, 0.3, 0.7],
    [0.7, 0.3, 0.0, 0.3],
    [1.0, 0.7, 0.3, 0.0],
]
# Invented 7-class ordinal matrix, E[true][pred].  Deliberately ASYMMETRIC
# (under-calling, pred < true, costs more than over-calling) so that a
# transposed lookup E[pred][true] gives a different score.
SEVEN_CLASSES = ["a", "b", "c", "d", "e", "f", "g"]
_OVER = [0.0, 0.1, 0.25, 0.45, 0.65, 0.85, 1.0]  # pred = true + d
_UNDER = [0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0]  # pred = true - d
SEVEN_MATRIX = [
    [_OVER[p - t] if p >= t else _UNDER[t - p] for p in range(7)] for t in range(7)
]


# =====================================================================
# Part 1: input generation (numpy only; every case has its own seed)
# =====================================================================
def rng_for(seed):
    return np.random.Generator(np.random.PCG64(seed))


def ordinal_scores(rng, truth_idx, k, strength, noise=1.0):
    """Softmax of -strength*|j - t| + noise*N(0,1)."""
    z = -strength * np.abs(np.arange(k)[None, :] - truth_idx[:, None])
    z = z + noise * rng.standard_normal((len(truth_idx), k))
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def quantize(P, unit):
    """Largest-remainder rounding of each row to integers summing to `unit`."""
    raw = P * unit
    Q = np.floor(raw).astype(np.int64)
    short = unit - Q.sum(axis=1)
    order = np.argsort(-(raw - Q), axis=1, kind="stable")
    for r in range(len(Q)):
        Q[r, order[r, : short[r]]] += 1
    assert (Q.sum(axis=1) == unit).all() and (Q >= 0).all()
    return Q


def fmt_units(q, decimals):
    unit = 10**decimals
    return f"{q // unit}.{q % unit:0{decimals}d}"


def labels_from_argmax(rng, Q):
    """Label = argmax; on ties a random one of the tied maxima."""
    out = np.empty(len(Q), dtype=np.int64)
    for r, row in enumerate(Q):
        tied = np.flatnonzero(row == row.max())
        out[r] = tied[0] if len(tied) == 1 else tied[rng.integers(len(tied))]
    return out


def write_text(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def write_json(path, obj, indent=2):
    with open(path, "w", encoding="ascii", newline="\n") as f:
        json.dump(obj, f, indent=indent, allow_nan=False)
        f.write("\n")


def write_case(name, classes, matrix, truth_idx, pred_idx, Q=None, decimals=6, rng=None):
    """Write one oracle case folder; predictions rows are shuffled."""
    d = os.path.join(REPO_ROOT, ORACLE_DIR_REL, name)
    n = len(truth_idx)
    ids = [f"{name[:2].upper()}{i + 1:05d}" for i in range(n)]
    write_text(
        os.path.join(d, "truth.csv"),
        ["case_id,label"] + [f"{ids[i]},{classes[truth_idx[i]]}" for i in range(n)],
    )
    order = rng.permutation(n)
    if n > 1 and (order == np.arange(n)).all():
        order = order[::-1]
    header = "case_id,label" + "".join(f",p_{c}" for c in classes) if Q is not None else "case_id,label"
    rows = []
    for i in order:
        row = f"{ids[i]},{classes[pred_idx[i]]}"
        if Q is not None:
            row += "".join("," + fmt_units(int(v), decimals) for v in Q[i])
        rows.append(row)
    write_text(os.path.join(d, "predictions.csv"), [header] + rows)
    write_json(os.path.join(d, "cost-matrix.json"), {"classes": classes, "matrix": matrix})


def imbalanced_truth(rng, n, probs):
    counts = np.floor(np.asarray(probs) * n).astype(int)
    counts[0] += n - counts.sum()
    return np.repeat(np.arange(len(probs)), counts)[rng.permutation(n)]


GENERATED_CASES = []  # (name, description), in generation order


def case(name, description):
    def deco(fn):
        GENERATED_CASES.append((name, description, fn))
        return fn

    return deco


TN = (TISSUENET_CLASSES, TISSUENET_MATRIX)
TN_PRIOR = [0.40, 0.25, 0.20, 0.15]


@case("ties-one-decimal", "300 cases, probabilities rounded to 1 decimal: heavy ties in "
      "scores; label = a (random) one of the tied maxima")
def gen_ties(rng):
    t = imbalanced_truth(rng, 300, TN_PRIOR)
    Q = quantize(ordinal_scores(rng, t, 4, 1.0), 10)
    return dict(truth=t, pred=labels_from_argmax(rng, Q), Q=Q, decimals=1)


@case("all-scores-tied", "120 cases, every probability 0.25: every AUROC is exactly 0.5; "
      "labels random")
def gen_all_tied(rng):
    t = imbalanced_truth(rng, 120, TN_PRIOR)
    Q = np.full((120, 4), 250000, dtype=np.int64)
    return dict(truth=t, pred=labels_from_argmax(rng, Q), Q=Q)


@case("class-absent-from-truth", "250 cases, class 3 never occurs in the truth but is "
      "sometimes predicted: recall[3] and AUROC[3] null, no sklearn OVR value")
def gen_absent(rng):
    t = imbalanced_truth(rng, 250, [0.45, 0.35, 0.20])
    Q = quantize(ordinal_scores(rng, t, 4, 0.9), 10**6)
    pred = labels_from_argmax(rng, Q)
    assert (pred == 3).sum() > 0 and (t == 3).sum() == 0
    return dict(truth=t, pred=pred, Q=Q)


@case("class-never-predicted", "250 cases, all classes in the truth, class 1 never "
      "predicted (p_1 is never the maximum): recall[1] = 0")
def gen_never_predicted(rng):
    t = imbalanced_truth(rng, 250, TN_PRIOR)
    P = ordinal_scores(rng, t, 4, 1.2)
    P[:, 1] = np.minimum(P[:, 1], 0.5 * np.delete(P, 1, axis=1).max(axis=1))
    P /= P.sum(axis=1, keepdims=True)
    Q = quantize(P, 10**6)
    pred = labels_from_argmax(rng, Q)
    assert (pred == 1).sum() == 0 and (t == 1).sum() > 0
    return dict(truth=t, pred=pred, Q=Q)


@case("single-class-truth", "60 cases, every truth is class 2, predictions vary: every "
      "AUROC undefined (null); kappa is 0 (defined, observed == expected)")
def gen_single_truth(rng):
    t = np.full(60, 2)
    Q = quantize(ordinal_scores(rng, t, 4, 0.8), 10**6)
    pred = labels_from_argmax(rng, Q)
    assert len(set(pred.tolist())) > 1
    return dict(truth=t, pred=pred, Q=Q)


@case("single-class-truth-constant-prediction", "40 cases, every truth and every "
      "prediction is class 0: kappa undefined (null), AUROCs undefined (null)")
def gen_single_const(rng):
    t = np.zeros(40, dtype=np.int64)
    P = ordinal_scores(rng, t, 4, 3.0)
    P[:, 0] += 1.0
    P /= P.sum(axis=1, keepdims=True)
    Q = quantize(P, 10**6)
    pred = labels_from_argmax(rng, Q)
    assert (pred == 0).all()
    return dict(truth=t, pred=pred, Q=Q)


@case("perfect", "200 cases, perfect predictions: accuracy 1, kappa 1, AUROC 1")
def gen_perfect(rng):
    t = imbalanced_truth(rng, 200, TN_PRIOR)
    P = ordinal_scores(rng, t, 4, 1.0)
    P[np.arange(200), t] += 1.0
    P /= P.sum(axis=1, keepdims=True)
    Q = quantize(P, 10**6)
    pred = labels_from_argmax(rng, Q)
    assert (pred == t).all()
    return dict(truth=t, pred=pred, Q=Q)


@case("tiny-two-cases", "2 cases (truth 1 and 3, predicted 1 and 2): classes 0 and 2 "
      "absent from truth")
def gen_tiny(rng):
    t = np.array([1, 3])
    Q = np.array([[100000, 600000, 200000, 100000], [50000, 150000, 450000, 350000]])
    return dict(truth=t, pred=np.array([1, 2]), Q=Q)


@case("large-1500", "1,500 cases, moderately good ordinal predictions")
def gen_large(rng):
    t = imbalanced_truth(rng, 1500, TN_PRIOR)
    Q = quantize(ordinal_scores(rng, t, 4, 1.2), 10**6)
    return dict(truth=t, pred=labels_from_argmax(rng, Q), Q=Q)


@case("labels-only", "150 cases, labels only (no probability columns): AUROC keys absent")
def gen_labels_only(rng):
    t = imbalanced_truth(rng, 150, TN_PRIOR)
    pred = ordinal_scores(rng, t, 4, 0.8).argmax(axis=1)
    return dict(truth=t, pred=pred, Q=None)


@case("seven-classes", "500 cases, 7 ordinal classes a..g with an invented asymmetric "
      "cost matrix (under-calling costs more)")
def gen_seven(rng):
    t = imbalanced_truth(rng, 500, [0.25, 0.20, 0.15, 0.15, 0.10, 0.10, 0.05])
    Q = quantize(ordinal_scores(rng, t, 7, 1.1), 10**6)
    return dict(truth=t, pred=labels_from_argmax(rng, Q), Q=Q, classes=SEVEN_CLASSES,
                matrix=SEVEN_MATRIX)


def generate_inputs():
    for seed_index, (name, _, fn) in enumerate(GENERATED_CASES):
        rng = rng_for(7_000 + seed_index)
        g = fn(rng)
        write_case(
            name,
            g.get("classes", TISSUENET_CLASSES),
            g.get("matrix", TISSUENET_MATRIX),
            g["truth"],
            g["pred"],
            g["Q"],
            g.get("decimals", 6),
            rng,
        )


# =====================================================================
# Part 2: read cases back and compute the oracle values
# =====================================================================
def read_csv(rel):
    with open(os.path.join(REPO_ROOT, rel), encoding="ascii", newline="") as f:
        text = f.read()
    assert text.endswith("\n") and "\r" not in text and '"' not in text, rel
    lines = text[:-1].split("\n")
    header = lines[0].split(",")
    rows = [line.split(",") for line in lines[1:]]
    assert all(len(r) == len(header) for r in rows), rel
    return header, rows


def load_case(truth_rel, pred_rel, cost_rel, split):
    with open(os.path.join(REPO_ROOT, cost_rel), encoding="ascii") as f:
        cm = json.load(f)
    classes = cm["classes"]
    E = np.array(cm["matrix"], dtype=np.float64)
    k = len(classes)
    assert E.shape == (k, k)
    index = {c: i for i, c in enumerate(classes)}

    th, trows = read_csv(truth_rel)
    assert th[:2] == ["case_id", "label"]
    if split is not None:
        assert th == ["case_id", "label", "split"]
        trows = [r for r in trows if r[2] == split]
    truth_ids = [r[0] for r in trows]
    assert len(set(truth_ids)) == len(truth_ids)
    y_true = np.array([index[r[1]] for r in trows], dtype=np.int64)

    ph, prows = read_csv(pred_rel)
    prob_cols = ph[2:]
    assert ph[:2] == ["case_id", "label"]
    assert prob_cols in ([], [f"p_{c}" for c in classes]), ph
    by_id = {}
    for r in prows:
        assert r[0] not in by_id
        by_id[r[0]] = r
    wanted = set(truth_ids)
    assert wanted <= set(by_id), "prediction missing for a truth case"
    if split is None:
        assert set(by_id) == wanted
    aligned = [by_id[c] for c in truth_ids]
    y_pred = np.array([index[r[1]] for r in aligned], dtype=np.int64)
    P = None
    if prob_cols:
        P = np.array([[float(v) for v in r[2:]] for r in aligned], dtype=np.float64)
        assert ((P >= 0) & (P <= 1)).all()
        assert (np.abs(P.sum(axis=1) - 1.0) <= 1e-9).all()
        top = P.max(axis=1)
        assert (P[np.arange(len(P)), y_pred] == top).all(), "label is not an argmax"
    return classes, E, y_true, y_pred, P


def nan_to_none(x):
    x = float(x)
    return None if np.isnan(x) else x


def mann_whitney_auc(pos, scores):
    """Independent AUROC check: P(score_pos > score_neg) + 0.5 P(equal)."""
    sp, sn = scores[pos], scores[~pos]
    gt = (sp[:, None] > sn[None, :]).sum()
    eq = (sp[:, None] == sn[None, :]).sum()
    return (gt + 0.5 * eq) / (len(sp) * len(sn))


def compute(classes, E, y_true, y_pred, P):
    k = len(classes)
    labels = list(range(k))
    out = {"classes": classes, "n_cases": int(len(y_true)), "has_probabilities": P is not None}

    costs = 1.0 - E[y_true, y_pred]
    out["cost_matrix_score"] = float(np.mean(costs))
    assert abs(out["cost_matrix_score"] - sum(costs.tolist()) / len(costs)) < 1e-12

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UndefinedMetricWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        out["accuracy"] = float(accuracy_score(y_true, y_pred))
        kappa = cohen_kappa_score(y_true, y_pred, labels=labels, weights="quadratic")
        out["quadratic_weighted_kappa"] = nan_to_none(kappa)
        rec = recall_score(y_true, y_pred, labels=labels, average=None, zero_division=np.nan)
        out["recall_per_class"] = [nan_to_none(v) for v in rec]
        cm = confusion_matrix(y_true, y_pred, labels=labels)
        out["confusion_matrix"] = [[int(v) for v in row] for row in cm]

        # independent kappa check (Cohen 1968 weighted kappa)
        O = cm.astype(np.float64)
        n = O.sum()
        Ex = np.outer(O.sum(axis=1), O.sum(axis=0)) / n
        W = (np.arange(k)[:, None] - np.arange(k)[None, :]) ** 2.0
        den = (W * Ex).sum()
        manual = None if den == 0 else 1.0 - (W * O).sum() / den
        if manual is None:
            assert out["quadratic_weighted_kappa"] is None
        else:
            assert abs(manual - out["quadratic_weighted_kappa"]) < 1e-12

        if P is not None:
            aurocs = []
            for c in range(k):
                pos = y_true == c
                v = roc_auc_score(pos, P[:, c])  # sklearn 1.9: nan + warning if undefined
                if pos.all() or not pos.any():
                    assert np.isnan(v)
                    aurocs.append(None)
                else:
                    assert abs(v - mann_whitney_auc(pos, P[:, c])) < 1e-12
                    aurocs.append(float(v))
            out["auroc_per_class"] = aurocs
            defined = [v for v in aurocs if v is not None]
            out["macro_auroc"] = float(np.mean(defined)) if defined else None
            if len(set(y_true.tolist())) == k:
                ovr = float(roc_auc_score(y_true, P, multi_class="ovr", average="macro",
                                          labels=labels))
                assert abs(ovr - out["macro_auroc"]) <= 1e-12, (ovr, out["macro_auroc"])
                out["macro_auroc_sklearn_ovr"] = ovr
            else:
                out["macro_auroc_sklearn_ovr"] = None
    return out


def all_cases():
    cases = []
    for team, desc in [
        ("atlas", "strong team (~80 % accuracy), probabilities"),
        ("baseline", "mediocre team (~55 % accuracy), labels only"),
        ("coinflip", "near-random team, probabilities"),
    ]:
        for split in (None, "public", "private"):
            cases.append({
                "name": f"demo-{team}-{split or 'all'}",
                "description": f"TissueNet demo, {desc}; "
                + ("all cases" if split is None else f"only truth rows with split == {split}"),
                "truth": f"{DEMO_DIR_REL}/truth.csv",
                "predictions": f"{DEMO_DIR_REL}/predictions/{team}.csv",
                "cost_matrix": f"{DEMO_DIR_REL}/cost-matrix.json",
                "split": split,
            })
    for name, desc, _ in GENERATED_CASES:
        cases.append({
            "name": name,
            "description": desc,
            "truth": f"{ORACLE_DIR_REL}/{name}/truth.csv",
            "predictions": f"{ORACLE_DIR_REL}/{name}/predictions.csv",
            "cost_matrix": f"{ORACLE_DIR_REL}/{name}/cost-matrix.json",
            "split": None,
        })
    return cases


def main():
    demo_truth = os.path.join(REPO_ROOT, DEMO_DIR_REL, "truth.csv")
    if not os.path.exists(demo_truth):
        sys.exit("run scripts/fixtures/make_tissuenet_demo.py first")
    generate_inputs()
    results = []
    for c in all_cases():
        entry = dict(c)
        entry.update(compute(*load_case(c["truth"], c["predictions"], c["cost_matrix"],
                                        c["split"])))
        results.append(entry)
    doc = {
        "generator": "scripts/oracles/classification_oracle.py",
        "versions": ACTUAL,
        "notes": [
            "Paths are relative to the repository root.",
            "Class index order = 'classes' (from the case's cost-matrix.json).",
            "split != null: only truth rows whose split column equals it; prediction "
            "rows for other cases are ignored.",
            "null = undefined (sklearn returned nan).",
            "Floats are shortest round-trip reprs of IEEE doubles; compare with a "
            "tolerance of ~1e-12 (summation order differs between implementations).",
        ],
        "cases": results,
    }
    write_json(os.path.join(REPO_ROOT, ORACLE_DIR_REL, "expected.json"), doc)
    for r in results:
        print(f"{r['name']:42s} n={r['n_cases']:5d} acc={r['accuracy']:.4f} "
              f"cost={r['cost_matrix_score']:.4f} qwk={r['quadratic_weighted_kappa']} "
              f"macroAUC={r.get('macro_auroc', '-')}", file=sys.stderr)


if __name__ == "__main__":
    main()
