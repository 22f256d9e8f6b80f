#!/usr/bin/env python3
# Reference timing for Arbiter's volume-lesion-detection scoring (issue 6,
# "Speed"): picai_eval 1.4.13 evaluate() with its defaults on 200 generated
# cases of 20 x 256 x 256 (z, y, x) with 0-3 lesions and 0-4 candidates each.
#
#   python scripts/bench/lesion-reference-picai.py --make DIR   # write the cases
#   python scripts/bench/lesion-reference-picai.py --time DIR [--repeat 3]
#
# --time prints one JSON object: median/all wall seconds of evaluate() on the
# file paths (reading the .nii.gz files is inside the timed region, as picai
# reads them itself), plus AUROC / AP / score so the Swift bench can check it
# scored the same data.  PINNED VERSIONS: scripts/oracles/lesion-requirements.txt.
#
# THE GENERATOR (re-implement exactly in Swift; SplitMix64 as documented in
# scripts/oracles/lesion_common.py; between(lo, hi) = lo + next() % (hi-lo+1)):
#   for case i in 0..<200, id = String(format: "case_%03d", i):
#     rng = SplitMix64(seed: 20220601 * 1000 + i)
#     label = zeros(20, 256, 256) uint8; det = zeros float32
#     nLesions = between(0, 3); lesions = []
#     repeat nLesions: cz = between(2, 17), cy = between(24, 231), cx = between(24, 231),
#                      rz = between(1, 3), ry = between(4, 14), rx = between(4, 14)
#                      set label = 1 on ellipsoid(cz, cy, cx, rz, ry, rx); lesions.append(...)
#     nCand = between(0, 4); boxes = []
#     repeat nCand:
#        near = between(0, 1) == 0 and lesions not empty
#        if near: (lz, ly, lx, lrz, lry, lrx) = lesions[between(0, len(lesions)-1)]
#                 cz = lz + between(-1, 1) (stored via between(0, 2) - 1),
#                 cy = ly + between(0, 8) - 4, cx = lx + between(0, 8) - 4,
#                 rz = max(1, lrz + between(0, 2) - 1), ry = max(2, lry + between(0, 6) - 3),
#                 rx = max(2, lrx + between(0, 6) - 3)
#        else:    cz = between(2, 17), cy = between(16, 239), cx = between(16, 239),
#                 rz = between(1, 3), ry = between(3, 12), rx = between(3, 12)
#        conf = Float32(between(1, 100)) / 100   (float32 division)
#        bbox = [cz-rz-1, cz+rz+1] x [cy-ry-1, cy+ry+1] x [cx-rx-1, cx+rx+1]
#        if bbox intersects a previous *accepted* candidate's bbox: skip (the
#           draws above were still consumed)
#        else: det = conf on ellipsoid(cz, cy, cx, rz, ry, rx); boxes.append(bbox)
#   ellipsoid(cz, cy, cx, rz, ry, rx) = voxels (z, y, x) inside the volume with
#     (z-cz)^2*ry^2*rx^2 + (y-cy)^2*rz^2*rx^2 + (x-cx)^2*rz^2*ry^2 <= rz^2*ry^2*rx^2
#   Files: DIR/<id>_detection_map.nii.gz (float32), DIR/<id>_label.nii.gz (uint8),
#   written by SimpleITK with spacing (x, y, z) = (0.5, 0.5, 3.0), origin 0.
import argparse
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "oracles"))
import lesion_common as lc  # noqa: E402

VERSIONS = lc.check_versions()
import numpy as np  # noqa: E402

SHAPE = (20, 256, 256)
N_CASES = 200
SEED = 20220601 * 1000


def ellipsoid(shape, cz, cy, cx, rz, ry, rx):
    m = np.zeros(shape, dtype=bool)
    z0, z1 = max(0, cz - rz), min(shape[0], cz + rz + 1)
    y0, y1 = max(0, cy - ry), min(shape[1], cy + ry + 1)
    x0, x1 = max(0, cx - rx), min(shape[2], cx + rx + 1)
    if z0 >= z1 or y0 >= y1 or x0 >= x1:
        return m
    zz, yy, xx = np.meshgrid(np.arange(z0, z1), np.arange(y0, y1), np.arange(x0, x1), indexing="ij")
    inside = ((zz - cz) ** 2 * ry * ry * rx * rx + (yy - cy) ** 2 * rz * rz * rx * rx
              + (xx - cx) ** 2 * rz * rz * ry * ry) <= rz * rz * ry * ry * rx * rx
    m[z0:z1, y0:y1, x0:x1] = inside
    return m


def make_case(i):
    rng = lc.SplitMix64(SEED + i)
    label = np.zeros(SHAPE, dtype=np.uint8)
    det = np.zeros(SHAPE, dtype=np.float32)
    lesions = []
    for _ in range(rng.between(0, 3)):
        p = (rng.between(2, 17), rng.between(24, 231), rng.between(24, 231),
             rng.between(1, 3), rng.between(4, 14), rng.between(4, 14))
        label[ellipsoid(SHAPE, *p)] = 1
        lesions.append(p)
    boxes = []
    for _ in range(rng.between(0, 4)):
        near = rng.between(0, 1) == 0 and bool(lesions)
        if near:
            lz, ly, lx, lrz, lry, lrx = lesions[rng.between(0, len(lesions) - 1)]
            cz = lz + rng.between(0, 2) - 1
            cy = ly + rng.between(0, 8) - 4
            cx = lx + rng.between(0, 8) - 4
            rz = max(1, lrz + rng.between(0, 2) - 1)
            ry = max(2, lry + rng.between(0, 6) - 3)
            rx = max(2, lrx + rng.between(0, 6) - 3)
        else:
            cz, cy, cx = rng.between(2, 17), rng.between(16, 239), rng.between(16, 239)
            rz, ry, rx = rng.between(1, 3), rng.between(3, 12), rng.between(3, 12)
        conf = np.float32(rng.between(1, 100)) / np.float32(100)
        bbox = (cz - rz - 1, cz + rz + 1, cy - ry - 1, cy + ry + 1, cx - rx - 1, cx + rx + 1)
        if any(not (b[1] < bbox[0] or bbox[1] < b[0] or b[3] < bbox[2] or bbox[3] < b[2]
                    or b[5] < bbox[4] or bbox[5] < b[4]) for b in boxes):
            continue
        det[ellipsoid(SHAPE, cz, cy, cx, rz, ry, rx)] = conf
        boxes.append(bbox)
    return f"case_{i:03d}", label, det


def make(folder):
    os.makedirs(folder, exist_ok=True)
    for i in range(N_CASES):
        cid, label, det = make_case(i)
        lc.write_nifti(os.path.join(folder, f"{cid}_label.nii.gz"), label, (0.5, 0.5, 3.0), np.uint8)
        lc.write_nifti(os.path.join(folder, f"{cid}_detection_map.nii.gz"), det, (0.5, 0.5, 3.0), np.float32)
    print(json.dumps({"made": N_CASES, "dir": folder}))


def time_it(folder, repeat):
    import contextlib
    import io
    with contextlib.redirect_stdout(io.StringIO()):   # picai/report_guided_annotation print a banner on import
        from picai_eval import evaluate
    ids = [f"case_{i:03d}" for i in range(N_CASES)]
    dets = [os.path.join(folder, f"{c}_detection_map.nii.gz") for c in ids]
    labels = [os.path.join(folder, f"{c}_label.nii.gz") for c in ids]
    runs = []
    metrics = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        metrics = evaluate(y_det=dets, y_true=labels, subject_list=ids)
        auroc, ap, score = metrics.auroc, metrics.AP, metrics.score
        runs.append(time.perf_counter() - t0)
    print(json.dumps({
        "benchmark": "picai_eval.evaluate (defaults, num_parallel_calls=3) incl. reading .nii.gz",
        "cases": N_CASES, "shape_zyx": list(SHAPE), "repeat": repeat,
        "seconds": runs, "median_seconds": statistics.median(runs),
        "auroc": float(auroc), "AP": float(ap), "score": float(score),
        "num_lesions": int(metrics.num_lesions), "versions": VERSIONS,
    }))


def main():
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--make", metavar="DIR")
    g.add_argument("--time", metavar="DIR")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if a.make:
        make(a.make)
    else:
        time_it(a.time, a.repeat)


if __name__ == "__main__":
    main()
