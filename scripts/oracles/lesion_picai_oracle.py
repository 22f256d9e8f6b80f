# Oracle for Arbiter's `volume-lesion-detection` task kind (issue 6, section 2):
# picai_eval 1.4.13 `evaluate()` with its defaults, and report_guided_annotation's
# `extract_lesion_candidates(..., threshold='dynamic-fast')` for softmax maps.
#
# PINNED VERSIONS: scripts/oracles/lesion-requirements.txt (refuses others
# unless ARBITER_ORACLE_IGNORE_VERSIONS=1).
"""Make Fixtures/lesions/picai/ and Fixtures/oracles/lesions/picai.json.

Usage:  /work/venv-lesions/bin/python scripts/oracles/lesion_picai_oracle.py

Layout (all volumes .nii.gz written by SimpleITK, numpy axis order (z, y, x),
spacing (x, y, z) = (0.6, 0.55, 3.0) mm, origin 0, identity direction):
  Fixtures/lesions/picai/cases/<id>_detection_map.nii.gz   float32
  Fixtures/lesions/picai/cases/<id>_label.nii.gz           uint8 0/1
  Fixtures/lesions/picai/softmax/<id>_softmax.nii.gz       float32
  Fixtures/lesions/picai/softmax/<id>_label.nii.gz         uint8
  Fixtures/lesions/picai/softmax/<id>_extracted.nii.gz     float32, what
                                     extract_lesion_candidates(...)[0] returned
  Fixtures/lesions/picai/malformed/<id>_detection_map.nii.gz, <id>_label.nii.gz
"""

import io
import os
import shutil
import sys
from contextlib import redirect_stdout

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lesion_common as lc  # noqa: E402

VERSIONS = lc.check_versions()

import SimpleITK as sitk  # noqa: E402
from picai_eval import evaluate  # noqa: E402
from picai_eval.eval import evaluate_case  # noqa: E402
from picai_eval.image_utils import read_label, read_prediction  # noqa: E402
from report_guided_annotation import extract_lesion_candidates  # noqa: E402

OUT = os.path.join(lc.REPO, "Fixtures", "lesions", "picai")
ORACLE = os.path.join(lc.REPO, "Fixtures", "oracles", "lesions", "picai.json")
SHAPE = (8, 32, 32)               # (z, y, x)
SPACING = (0.6, 0.55, 3.0)        # (x, y, z) in mm
FPR_POINTS = [0.0, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 1.0, 1.5, 2.0, 10.0]


def vol():
    return np.zeros(SHAPE, dtype=np.float32)


def box(a, z0, z1, y0, y1, x0, x1, value=1.0):
    a[z0:z1, y0:y1, x0:x1] = value
    return a


# ---------------------------------------------------------------------------
# Hand-made cases: (id, label builder, detection-map builder, note)
# ---------------------------------------------------------------------------
def hand_cases():
    cases = []

    def add(cid, lab, det, note):
        cases.append((cid, lab.astype(np.uint8), det.astype(np.float32), note))

    # c01: one lesion, one candidate, IoU 0.5
    lab = box(vol(), 2, 4, 10, 14, 10, 14)
    det = box(vol(), 2, 4, 10, 14, 12, 16, 0.8)
    add("c01", lab, det, "one lesion, one candidate (IoU 16/48)")
    # c02: lesion, empty prediction
    add("c02", box(vol(), 3, 5, 5, 9, 5, 9), vol(), "lesion, empty prediction: FN")
    # c03: benign, one candidate
    add("c03", vol(), box(vol(), 1, 3, 20, 24, 20, 24, 0.7), "empty ground truth, one FP at 0.7")
    # c04: benign, empty prediction
    add("c04", vol(), vol(), "both empty")
    # c05/c06: confidence ties across cases (0.6 TP and 0.6 FP)
    add("c05", box(vol(), 4, 6, 16, 20, 16, 20), box(vol(), 4, 6, 16, 20, 16, 20, 0.6), "TP at 0.6 (IoU 1)")
    add("c06", vol(), box(vol(), 0, 2, 0, 4, 0, 4, 0.6), "FP at 0.6, ties c05; touches the volume corner")
    # c07: two lesions touching only diagonally: ONE lesion under picai's 26-connectivity
    lab = box(vol(), 3, 5, 8, 12, 8, 12)
    lab = box(lab, 5, 7, 12, 16, 12, 16)
    add("c07", lab, box(vol(), 3, 5, 8, 12, 8, 12, 0.55),
        "lesions touching at an edge/corner are one 26-connected lesion; candidate covers half")
    # c08: two lesions one voxel apart, a candidate on each
    lab = box(vol(), 2, 4, 4, 8, 4, 8)
    lab = box(lab, 2, 4, 4, 8, 9, 13)
    det = box(vol(), 2, 4, 4, 8, 4, 8, 0.45)
    det = box(det, 2, 4, 20, 24, 20, 24, 0.45)          # same confidence elsewhere: FP (two blobs, one value: fine)
    add("c08", lab, det, "two lesions 1 voxel apart; one hit; FP with the same confidence")
    # c09: one huge FP blob that also covers a lesion with IoU < 0.1
    lab = box(vol(), 3, 5, 14, 18, 14, 18)
    det = box(vol(), 0, 8, 0, 32, 0, 24, 0.95)
    add("c09", lab, det, "huge FP blob (6144 voxels) covering a 32-voxel lesion: IoU < 0.1 -> FP + FN")
    # c10: one candidate overlapping two lesions
    lab = box(vol(), 2, 4, 10, 14, 4, 8)
    lab = box(lab, 2, 4, 10, 14, 10, 14)
    det = box(vol(), 2, 4, 10, 14, 5, 12, 0.66)
    add("c10", lab, det, "one candidate bridging two lesions (IoU >= 0.1 with both): matched once, other lesion FN")
    # c11: two candidates on one lesion, different overlap
    lab = box(vol(), 2, 6, 10, 18, 10, 18)
    det = box(vol(), 2, 6, 10, 18, 10, 15, 0.3)         # 160 voxels in
    det = box(det, 2, 6, 10, 18, 16, 19, 0.9)           # 2 cols in + 1 out
    add("c11", lab, det, "two candidates on one lesion: larger overlap wins, the other is dropped (not an FP)")
    # c12/c13: two candidates with *equal* overlap on one lesion -> scipy tie rule
    lab = box(vol(), 2, 4, 10, 14, 10, 18)
    det = box(vol(), 2, 4, 10, 14, 10, 13, 0.4)         # x 10..12 (raster-first)
    det = box(det, 2, 4, 10, 14, 15, 18, 0.8)           # x 15..17
    add("c12", lab, det, "equal-overlap tie: raster-first candidate (0.4) wins, 0.8 dropped")
    det = box(vol(), 2, 4, 10, 14, 10, 13, 0.8)
    det = box(det, 2, 4, 10, 14, 15, 18, 0.4)
    add("c13", lab, det, "equal-overlap tie, confidences swapped: raster-first (0.8) wins")
    # c14: IoU exactly 1/10 -> the 1e-8 smoothing lifts it above 0.10: TP
    lab = box(vol(), 4, 5, 10, 11, 10, 20)              # 10 voxels in a row
    det = box(vol(), 4, 5, 10, 11, 10, 11, 0.51)        # 1 voxel inside
    add("c14", lab, det, "IoU = 1/10 exactly (+1e-8 smoothing): TP")
    # c15: IoU 1/11 -> FP + FN
    lab = box(vol(), 4, 5, 10, 11, 10, 21)              # 11 voxels
    det = box(vol(), 4, 5, 10, 11, 10, 11, 0.52)
    add("c15", lab, det, "IoU = 1/11 < 0.1: FP and FN")
    # c16: assignment must maximise the number of matches first
    lab = box(vol(), 2, 4, 2, 6, 2, 10)                 # L1: 64 voxels
    lab = box(lab, 2, 4, 2, 6, 11, 15)                  # L2: 32 voxels
    det = box(vol(), 2, 4, 2, 6, 5, 14, 0.7)            # A: 40 in L1 overlap? (x5..9) + L2 (x11..13)
    det = box(det, 2, 4, 2, 6, 2, 4, 0.35)              # B: 16 voxels in L1 only
    add("c16", lab, det, "B (raster-first, 0.35) overlaps L1 0.25; A (0.7) overlaps L1 0.42 and L2 0.30: "
        "the assignment maximises matches first (B->L1, A->L2), not A->L1")
    # c17: tiny confidence, and a candidate that is not constant inside its blob
    lab = box(vol(), 1, 3, 20, 24, 4, 8)
    det = box(vol(), 1, 3, 20, 24, 4, 8, 0.001)
    det = box(det, 5, 7, 4, 8, 20, 24, 0.25)
    det[5, 4, 20] = 0.5                                 # blob 2 holds {0.25, 0.5}; 2 blobs, 2 values: passes the check
    det = box(det, 6, 7, 28, 30, 28, 30, 0.5)           # blob 3 at 0.5
    add("c17", lab, det, "confidence 0.001 TP; a blob with two values (conf = its max) passes the softmax check")
    # c18: three lesions, four candidates, mixed
    lab = box(vol(), 0, 2, 2, 8, 2, 8)
    lab = box(lab, 3, 6, 20, 26, 3, 9)
    lab = box(lab, 5, 8, 10, 14, 22, 30)
    det = box(vol(), 0, 2, 3, 9, 3, 9, 0.88)            # on lesion 1
    det = box(det, 3, 6, 22, 24, 5, 7, 0.12)            # small inside lesion 2 (IoU 12/108)
    det = box(det, 0, 1, 28, 32, 28, 32, 0.77)          # FP
    det = box(det, 5, 8, 10, 14, 15, 21, 0.5)           # near lesion 3, no overlap: FP
    add("c18", lab, det, "3 lesions, 4 candidates: TP, TP (IoU 0.111), 2 FPs, 1 FN")
    # c19: lesion touching the volume border, candidate equal to it
    lab = box(vol(), 6, 8, 28, 32, 28, 32)
    add("c19", lab, box(vol(), 6, 8, 28, 32, 28, 32, 1.0), "border lesion, perfect candidate at confidence 1.0")
    return cases


def random_cases(n, seed):
    """Generated cases c20.. with 0-3 ellipsoid lesions and 0-4 candidates."""
    rng = np.random.default_rng(seed)
    zz, yy, xx = np.meshgrid(np.arange(SHAPE[0]), np.arange(SHAPE[1]), np.arange(SHAPE[2]), indexing="ij")
    out = []
    for k in range(n):
        cid = f"c{20 + k:02d}"
        lab = np.zeros(SHAPE, dtype=np.uint8)
        centres = []
        for _ in range(int(rng.integers(0, 4))):
            c = (rng.uniform(1, 7), rng.uniform(5, 27), rng.uniform(5, 27))
            r = (rng.uniform(0.8, 1.6), rng.uniform(2, 5), rng.uniform(2, 5))
            e = ((zz - c[0]) / r[0]) ** 2 + ((yy - c[1]) / r[1]) ** 2 + ((xx - c[2]) / r[2]) ** 2 <= 1
            lab[e] = 1
            centres.append((c, r))
        det = np.zeros(SHAPE, dtype=np.float32)
        for _ in range(int(rng.integers(0, 5))):
            if centres and rng.uniform() < 0.6:
                c, r = centres[int(rng.integers(0, len(centres)))]
                c = (c[0] + rng.normal(0, 0.5), c[1] + rng.normal(0, 2), c[2] + rng.normal(0, 2))
                r = (r[0] * rng.uniform(0.7, 1.3), r[1] * rng.uniform(0.6, 1.4), r[2] * rng.uniform(0.6, 1.4))
            else:
                c = (rng.uniform(1, 7), rng.uniform(4, 28), rng.uniform(4, 28))
                r = (rng.uniform(0.8, 1.5), rng.uniform(1.5, 4), rng.uniform(1.5, 4))
            e = ((zz - c[0]) / r[0]) ** 2 + ((yy - c[1]) / r[1]) ** 2 + ((xx - c[2]) / r[2]) ** 2 <= 1
            conf = np.float32(round(float(rng.uniform(0.05, 1.0)), 2))   # 2 decimals: ties
            e &= det == 0
            det[e] = conf
        # a map is valid only if every blob is constant; drop the case's candidates otherwise
        from scipy import ndimage
        lbl, nb = ndimage.label(det, structure=np.ones((3, 3, 3)))
        if nb < len(set(np.unique(det)) - {0}):
            # touching candidates of different confidence: merge them to the max
            for b in range(1, nb + 1):
                det[lbl == b] = det[lbl == b].max()
        out.append((cid, lab, det, "generated"))
    return out


def softmax_cases():
    """Softmax-like maps for dynamic-fast extraction (explicit voxel values)."""
    rng = np.random.default_rng(7)
    cases = []
    # s01: peak 0.9 -> threshold float32(0.9/2.5) = 0.36; blobs:
    #   A: 2x4x4 block, values 0.4..0.9 (kept, conf 0.9)
    #   B: 11 voxels at 0.5 (kept: > 10 voxels)
    #   C: 10 voxels at 0.7 (removed: <= 10 voxels)
    #   D: 2x3x3 block at 0.3 (below threshold)
    #   background noise 0.0..0.2
    s = rng.uniform(0.0, 0.2, SHAPE).astype(np.float32)
    lab = np.zeros(SHAPE, dtype=np.uint8)
    blk = rng.uniform(0.4, 0.9, (2, 4, 4)).astype(np.float32)
    blk[1, 2, 2] = 0.9
    s[2:4, 4:8, 4:8] = blk
    lab[2:4, 4:8, 4:8] = 1
    s[5, 20, 3:14] = 0.5
    s[1, 25, 18:28] = 0.7
    s[5:7, 26:29, 26:29] = 0.3
    lab[5:7, 26:29, 26:29] = 1
    cases.append(("s01", lab, s, "kept block (0.9), 11-voxel line kept, 10-voxel line removed, 0.3 block below max/2.5"))
    # s02: seven separate blobs above threshold: dynamic-fast keeps all of them (no 5-candidate cap)
    s = np.zeros(SHAPE, dtype=np.float32)
    lab = np.zeros(SHAPE, dtype=np.uint8)
    for i in range(7):
        y0 = 2 + 4 * i
        s[3:5, y0:y0 + 2, 5:10] = np.float32(0.95 - 0.08 * i)
        if i % 2 == 0:
            lab[3:5, y0:y0 + 2, 5:10] = 1
    cases.append(("s02", lab, s, "7 blobs of 20 voxels, all >= max/2.5: all 7 extracted"))
    # s03: all-zero softmax
    lab = np.zeros(SHAPE, dtype=np.uint8)
    lab[4:6, 10:14, 10:14] = 1
    cases.append(("s03", lab, np.zeros(SHAPE, dtype=np.float32), "all-zero softmax: no candidates"))
    # s04: a value exactly at the threshold is kept (the test is softmax < t -> 0)
    s = np.zeros(SHAPE, dtype=np.float32)
    t = np.float32(np.float32(0.8) / 2.5)
    s[2, 2, 2:14] = t                      # 12 voxels exactly at the threshold: kept
    s[2, 2, 14] = 0.8
    s[6, 20, 2:14] = np.nextafter(t, np.float32(0))   # 12 voxels just below: dropped
    lab = np.zeros(SHAPE, dtype=np.uint8)
    lab[2, 2, 2:15] = 1
    cases.append(("s04", lab, s, "voxels equal to float32(max/2.5) are kept; one ulp below are not"))
    # s05: benign case with one extracted blob (an FP), so the case-level AUROC is defined
    s = np.zeros(SHAPE, dtype=np.float32)
    s[4:6, 10:14, 20:24] = np.float32(0.62)
    s[4, 12, 22] = np.float32(0.64)
    cases.append(("s05", np.zeros(SHAPE, dtype=np.uint8), s, "benign: one blob -> FP at 0.64"))
    return cases


def malformed_cases():
    out = []
    s = np.zeros(SHAPE, dtype=np.float32)
    zz, yy, xx = np.meshgrid(np.arange(8), np.arange(32), np.arange(32), indexing="ij")
    s = np.exp(-(((zz - 4) / 2.0) ** 2 + ((yy - 16) / 5.0) ** 2 + ((xx - 16) / 5.0) ** 2)).astype(np.float32)
    s[s < 0.05] = 0
    lab = np.zeros(SHAPE, dtype=np.uint8)
    lab[3:5, 14:18, 14:18] = 1
    out.append(("m01", lab, s, "softmax submitted: one blob, many values"))
    det = box(vol(), 2, 4, 2, 6, 2, 6, 0.5)
    det[7, 31, 31] = -0.25
    out.append(("m02", lab, det, "a negative value"))
    det = box(vol(), 2, 4, 10, 14, 10, 14, 0.3)
    det = box(det, 2, 4, 14, 18, 14, 18, 0.6)          # touches the first blob at an edge
    out.append(("m03", lab, det, "two touching candidates with different confidences: one blob, two values"))
    det = np.zeros((8, 32, 30), dtype=np.float32)
    det[3:5, 14:18, 14:18] = 0.7
    out.append(("m04", lab, det, "shape (8,32,30) vs label (8,32,32), lesion and candidate present"))
    det = np.zeros((8, 32, 30), dtype=np.float32)
    det[3:5, 14:18, 14:18] = 0.7
    out.append(("m05", np.zeros(SHAPE, dtype=np.uint8), det, "shape (8,32,30) vs label (8,32,32), empty label"))
    det = np.zeros((6, 32, 32), dtype=np.float32)
    det[2:4, 14:18, 14:18] = 0.7
    out.append(("m06", lab, det, "shape (6,32,32) vs label (8,32,32): picai pads z silently (prints a warning)"))
    det = np.zeros((10, 32, 32), dtype=np.float32)
    det[3:5, 14:18, 14:18] = 0.7
    out.append(("m07", lab, det, "shape (10,32,32) vs label (8,32,32), lesion and candidate present"))
    det = np.zeros((8, 32, 32), dtype=np.float32)
    out.append(("m08", lab[:, :, :30].copy(), det,
                "shape (8,32,32) vs label (8,32,30), empty map: no error in picai"))
    return out


def write_case(folder, cid, lab, det):
    lc.write_nifti(os.path.join(folder, f"{cid}_label.nii.gz"), lab, SPACING, np.uint8)
    lc.write_nifti(os.path.join(folder, f"{cid}_detection_map.nii.gz"), det, SPACING, np.float32)


def y_list_json(y_list):
    return [[int(a), float(b), float(c)] for a, b, c in y_list]


def fpr_points(num_cases):
    # fixed points plus exact multiples of 1/num_cases, where float32 vs
    # float64 comparison of FP/num_cases decides the step
    return FPR_POINTS + [k / num_cases for k in (1, 2, 3, 5, 8, 13, 21)]


def metrics_json(m):
    """Everything the Swift side must reproduce from a picai_eval Metrics."""
    prc = m.calculate_precision_recall()
    roc = m.calculate_ROC()
    counts = m.calculate_counts()
    auroc, auroc_nan = lc.nan_flag(m.auroc)
    ap, ap_nan = lc.nan_flag(m.AP)
    score, score_nan = lc.nan_flag(m.score)
    tpr = m.lesion_TPR
    return {
        "auroc": auroc, "auroc_is_nan": auroc_nan,
        "AP": ap, "AP_is_nan": ap_nan,
        "score": score, "score_is_nan": score_nan,
        "num_cases": m.num_cases,
        "num_lesions": int(m.num_lesions),
        "case_pred": {k: float(v) for k, v in m.case_pred.items()},
        "case_target": {k: int(v) for k, v in m.case_target.items()},
        "lesion_results": {k: y_list_json(v) for k, v in m.lesion_results.items()},
        "roc_fpr": [float(v) for v in roc["FPR"]],
        "roc_tpr": [float(v) for v in roc["TPR"]],
        "pr_precision": [float(v) for v in prc["precision"]],
        "pr_recall": [float(v) for v in prc["recall"]],
        "thresholds": [float(v) for v in m.thresholds],
        "lesion_TP": [float(v) for v in counts["TP"]],
        "lesion_FP": [float(v) for v in counts["FP"]],   # the last entry is +inf -> null
        "lesion_TPR": [float(v) for v in tpr],
        "lesion_FPR": [float(v) for v in m.lesion_FPR],  # the last entry is +inf -> null
        "lesion_TPR_at_FPR": [[f, float(m.lesion_TPR_at_FPR(f))] for f in fpr_points(m.num_cases)],
    }


def run_evaluate(dets, labels, ids, **kw):
    buf = io.StringIO()
    with redirect_stdout(buf):
        m = evaluate(y_det=dets, y_true=labels, subject_list=ids, num_parallel_calls=1, **kw)
    return m


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    cases = hand_cases() + random_cases(12, 20220601)
    cdir = os.path.join(OUT, "cases")
    for cid, lab, det, _ in cases:
        write_case(cdir, cid, lab, det)
    ids = [c[0] for c in cases]
    det_paths = [os.path.join(cdir, f"{i}_detection_map.nii.gz") for i in ids]
    lab_paths = [os.path.join(cdir, f"{i}_label.nii.gz") for i in ids]

    oracle = {
        "generator": "scripts/oracles/lesion_picai_oracle.py",
        "versions": VERSIONS,
        "volume_shape_zyx": list(SHAPE),
        "spacing_xyz_mm": list(SPACING),
        "notes": {c[0]: c[3] for c in cases},
        "cases_dir": lc.rel(cdir),
    }
    # evaluate() with defaults (IoU, min_overlap 0.10, case confidence max, ...)
    oracle["evaluate_iou"] = metrics_json(run_evaluate(det_paths, lab_paths, ids))
    oracle["evaluate_dsc"] = metrics_json(run_evaluate(det_paths, lab_paths, ids, overlap_func="DSC"))

    # per-case overlap matrices (before thresholding), handy for debugging
    from picai_eval.analysis_utils import calculate_iou, parse_detection_map
    from scipy import ndimage
    mats = {}
    for cid, dp, lp in zip(ids, det_paths, lab_paths):
        det, lab = read_prediction(dp), read_label(lp)
        conf, idx = parse_detection_map(det)
        glab, ng = ndimage.label(lab, structure=np.ones((3, 3, 3)))
        mats[cid] = {
            "candidate_confidences": [float(conf[k]) for k in range(len(conf))],
            "candidate_voxels": [int((idx == k + 1).sum()) for k in range(len(conf))],
            "lesion_voxels": [int((glab == g + 1).sum()) for g in range(ng)],
            "iou": [[calculate_iou(idx == k + 1, glab == g + 1) for k in range(len(conf))] for g in range(ng)],
        }
    oracle["candidates"] = mats

    # dynamic-fast extraction from softmax maps
    sdir = os.path.join(OUT, "softmax")
    soft = softmax_cases()
    sids = []
    extracted = {}
    for sid, lab, s, note in soft:
        lc.write_nifti(os.path.join(sdir, f"{sid}_softmax.nii.gz"), s, SPACING, np.float32)
        lc.write_nifti(os.path.join(sdir, f"{sid}_label.nii.gz"), lab, SPACING, np.uint8)
        s_read = read_prediction(os.path.join(sdir, f"{sid}_softmax.nii.gz"))
        hard, confs, indexed = extract_lesion_candidates(s_read, threshold="dynamic-fast")
        hard = hard.astype(np.float32)
        lc.write_nifti(os.path.join(sdir, f"{sid}_extracted.nii.gz"), hard, SPACING, np.float32)
        blobs = sorted(int(v) for v in np.unique(indexed) if v != 0)
        extracted[sid] = {
            "note": note,
            "max": float(np.max(s_read)),
            "threshold": float(np.float32(np.max(s_read) / 2.5)),
            "confidences": [[int(i), float(c)] for i, c in confs],
            "kept_blob_voxels": [int((indexed == b).sum()) for b in blobs],
            "extracted_nonzero_voxels": int((hard != 0).sum()),
            "extracted_file": lc.rel(os.path.join(sdir, f"{sid}_extracted.nii.gz")),
        }
        sids.append(sid)
    m = run_evaluate([os.path.join(sdir, f"{i}_softmax.nii.gz") for i in sids],
                     [os.path.join(sdir, f"{i}_label.nii.gz") for i in sids], sids,
                     y_det_postprocess_func=lambda p: extract_lesion_candidates(p, threshold="dynamic-fast")[0])
    oracle["softmax_dynamic_fast"] = {"extraction": extracted, "evaluate_iou": metrics_json(m)}

    # malformed inputs: the exact exception picai_eval raises (or what it returns)
    mdir = os.path.join(OUT, "malformed")
    mal = {}
    for mid, lab, det, note in malformed_cases():
        write_case(mdir, mid, lab, det)
        buf = io.StringIO()
        entry = {"note": note, "label_shape_zyx": list(lab.shape), "map_shape_zyx": list(det.shape)}
        try:
            with redirect_stdout(buf):
                y_list, case_conf, _, _ = evaluate_case(
                    y_det=os.path.join(mdir, f"{mid}_detection_map.nii.gz"),
                    y_true=os.path.join(mdir, f"{mid}_label.nii.gz"))
            entry.update({"raises": None, "y_list": y_list_json(y_list), "case_confidence": float(case_conf)})
        except Exception as e:  # noqa: BLE001 -- recording what the reference does
            entry.update({"raises": type(e).__name__, "message": str(e)})
        entry["stdout"] = buf.getvalue()
        mal[mid] = entry
    oracle["malformed"] = mal

    lc.write_json(ORACLE, oracle)
    e = oracle["evaluate_iou"]
    print("IoU:", e["auroc"], e["AP"], e["score"], "| DSC:", oracle["evaluate_dsc"]["score"])
    for k, v in mal.items():
        print(k, v.get("raises"), v.get("message", v.get("y_list")))


if __name__ == "__main__":
    main()
