#!/usr/bin/env python3
"""Reference ROC curves for Arbiter's ROCCurve (Sources/Scoring/Classification/ROCCurve.swift).

PINNED VERSIONS (exactly what produced the committed roc-curves.json):
    Python 3.11.7, numpy 2.4.6, scikit-learn 1.9.1 (scipy 1.17.1); see scripts/oracles/requirements.txt.
The script aborts on any other version unless ARBITER_ORACLE_IGNORE_VERSIONS=1 is set.

Usage (from anywhere; deterministic, same bytes every run):
    python3.11 -m venv /tmp/venv-classification
    /tmp/venv-classification/bin/pip install -r scripts/oracles/requirements.txt
    /tmp/venv-classification/bin/python scripts/oracles/roc_curve_oracle.py

For every case folder under Fixtures/oracles/classification/ whose predictions have p_<class> columns, and for each
class with both positive and negative cases, the one-vs-rest curve of sklearn.metrics.roc_curve(y == k, p_k) with
drop_intermediate=False ("all") and with the default drop_intermediate=True ("plotted"). Rows are matched to the
truth by case id. Writes Fixtures/oracles/classification/roc-curves.json; rates are written with repr(), which
round-trips exactly.
"""
import csv
import json
import os
import platform
import sys

import numpy
import scipy
import sklearn
from sklearn.metrics import roc_curve

PINNED = {"python": "3.11.7", "numpy": "2.4.6", "scikit-learn": "1.9.1", "scipy": "1.17.1"}
ACTUAL = {"python": platform.python_version(), "numpy": numpy.__version__, "scikit-learn": sklearn.__version__,
          "scipy": scipy.__version__}
if ACTUAL != PINNED and os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") != "1":
    sys.exit(f"version mismatch: pinned {PINNED}, running {ACTUAL} (ARBITER_ORACLE_IGNORE_VERSIONS=1 to override)")

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Fixtures", "oracles", "classification")


def rows(path):
    with open(path, encoding="ascii", newline="") as f:
        return list(csv.DictReader(f))


def curves(folder):
    with open(os.path.join(folder, "cost-matrix.json"), encoding="ascii") as f:
        classes = json.load(f)["classes"]
    truth = {row["case_id"]: row["label"] for row in rows(os.path.join(folder, "truth.csv"))}
    predictions = rows(os.path.join(folder, "predictions.csv"))
    if not predictions or "p_" + classes[0] not in predictions[0]:
        return None
    result = {}
    for index, label in enumerate(classes):
        positive = numpy.array([truth[row["case_id"]] == label for row in predictions])
        if positive.all() or not positive.any():
            continue
        scores = numpy.array([float(row["p_" + label]) for row in predictions])
        entry = {"class_index": index}
        for name, drop in (("all", False), ("plotted", True)):
            fpr, tpr, _ = roc_curve(positive, scores, drop_intermediate=drop)
            entry[name] = {"fpr": [float(x) for x in fpr], "tpr": [float(x) for x in tpr]}
        result[label] = entry
    return {"classes": classes, "curves": result}


def main():
    out = {"versions": PINNED if ACTUAL == PINNED else ACTUAL, "cases": {}}
    for name in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, name)
        if os.path.isdir(folder):
            found = curves(folder)
            if found is not None:
                out["cases"][name] = found
    with open(os.path.join(ROOT, "roc-curves.json"), "w", encoding="ascii") as f:
        json.dump(out, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
