#!/usr/bin/env python3
# Reference timing for Arbiter's slide-lesion-detection scoring (issue 6,
# "Speed"): the CAMELYON16 FROC (our Python 3 port of Evaluation_FROC.py,
# scripts/oracles/camelyon16_froc_port.py) and the documented `froc` protocol,
# over 100 generated slides with 10,000 prediction points in total.
#
#   python scripts/bench/lesion-reference-froc.py --make DIR
#   python scripts/bench/lesion-reference-froc.py --time DIR [--repeat 3]
#
# --time prints JSON: median/all wall seconds of the whole evaluation, reading
# the level-5 mask PNGs and the prediction CSV included, plus the scores so the
# Swift bench can check it scored the same data.
# PINNED VERSIONS: scripts/oracles/lesion-requirements.txt.
#
# THE GENERATOR (SplitMix64 and between() as in scripts/oracles/lesion_common.py):
#   slides i in 0..<100: id = "slide_%03d"; rng = SplitMix64(seed: 2016 * 1000 + i)
#     w5 = between(150, 300), h5 = between(150, 300)    (level-5 size; level 0 = 32x)
#     tumour = i % 2 == 0; lesions = tumour ? between(1, 6) : 0
#     each lesion: an axis-aligned rectangle in level-5 pixels
#        c0 = between(0, w5 - 4), r0 = between(0, h5 - 4),
#        c1 = min(w5, c0 + between(1, 40)), r1 = min(h5, r0 + between(1, 40))
#        mask[r0..<r1, c0..<c1] = 255   (level-0 polygon: the rectangle with
#        corners (32*c0 + 7, 32*r0 + 7) .. (32*c1 + 7, 32*r1 + 7), same raster)
#   points: for slide i, 100 points: x = between(0, 32*w5 - 1), y = between(0, 32*h5 - 1),
#     confidence = between(0, 10000) / 10000 (as a decimal with <= 4 digits),
#     drawn from the same rng after the lesions; on tumour slides every 4th
#     point (k % 4 == 0) is instead put on lesion k/4 % lesions:
#     x = 32*(c0 + between(0, c1-c0-1)) + between(0, 31), same for y.
#   Files: DIR/slides.csv (case_id,width,height at level 0),
#          DIR/masks/<id>_level5.png (0/255), DIR/annotations-wkt.csv,
#          DIR/predictions.csv (case_id,x,y,confidence).
import argparse
import csv
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

import camelyon16_froc_port as port  # noqa: E402

N_SLIDES = 100
POINTS_PER_SLIDE = 100
SEED = 2016 * 1000


def make(folder):
    os.makedirs(os.path.join(folder, "masks"), exist_ok=True)
    slides, wkts, points = [], [], []
    for i in range(N_SLIDES):
        cid = f"slide_{i:03d}"
        rng = lc.SplitMix64(SEED + i)
        w5, h5 = rng.between(150, 300), rng.between(150, 300)
        mask = np.zeros((h5, w5), dtype=np.uint8)
        rects = []
        for _ in range(rng.between(1, 6) if i % 2 == 0 else 0):
            c0, r0 = rng.between(0, w5 - 4), rng.between(0, h5 - 4)
            c1, r1 = min(w5, c0 + rng.between(1, 40)), min(h5, r0 + rng.between(1, 40))
            mask[r0:r1, c0:c1] = 255
            rects.append((c0, r0, c1, r1))
            x0, y0, x1, y1 = 32 * c0 + 7, 32 * r0 + 7, 32 * c1 + 7, 32 * r1 + 7
            wkts.append((cid, f"POLYGON (({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"))
        for k in range(POINTS_PER_SLIDE):
            if rects and k % 4 == 0:
                c0, r0, c1, r1 = rects[(k // 4) % len(rects)]
                x = 32 * (c0 + rng.between(0, c1 - c0 - 1)) + rng.between(0, 31)
                y = 32 * (r0 + rng.between(0, r1 - r0 - 1)) + rng.between(0, 31)
            else:
                x, y = rng.between(0, 32 * w5 - 1), rng.between(0, 32 * h5 - 1)
            conf = rng.between(0, 10000) / 10000
            points.append((cid, x, y, conf))
        lc.write_png_gray8(os.path.join(folder, "masks", f"{cid}_level5.png"), mask)
        slides.append((cid, 32 * w5, 32 * h5))
    with open(os.path.join(folder, "slides.csv"), "w") as fh:
        fh.write("case_id,width,height\n")
        fh.writelines(f"{c},{w},{h}\n" for c, w, h in slides)
    with open(os.path.join(folder, "annotations-wkt.csv"), "w") as fh:
        fh.write("case_id,wkt\n")
        fh.writelines(f'{c},"{t}"\n' for c, t in wkts)
    with open(os.path.join(folder, "predictions.csv"), "w") as fh:
        fh.write("case_id,x,y,confidence\n")
        fh.writelines(f"{c},{x},{y},{p!r}\n" for c, x, y, p in points)
    print(json.dumps({"made": N_SLIDES, "points": len(points), "dir": folder}))


def load(folder):
    import imageio.v3 as iio
    slides = {}
    with open(os.path.join(folder, "slides.csv")) as fh:
        for row in csv.DictReader(fh):
            m = iio.imread(os.path.join(folder, "masks", f"{row['case_id']}_level5.png"))
            slides[row["case_id"]] = {"level_mask": m, "is_tumor": bool((m == 255).any())}
    preds = {}
    with open(os.path.join(folder, "predictions.csv")) as fh:
        for row in csv.DictReader(fh):
            preds.setdefault(row["case_id"], []).append((int(row["x"]), int(row["y"]), float(row["confidence"])))
    return slides, preds


def time_it(folder, repeat):
    out = {}
    for name, fn in (("camelyon16", port.evaluate_camelyon16), ("froc", port.froc_documented)):
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            slides, preds = load(folder)
            res = fn(slides, preds)
            runs.append(time.perf_counter() - t0)
        out[name] = {"seconds": runs, "median_seconds": statistics.median(runs),
                     "score": res["score"], "sensitivities": res["sensitivities"]}
    print(json.dumps({"benchmark": "CAMELYON16 FROC port incl. reading PNG masks and CSV",
                      "slides": N_SLIDES, "points": N_SLIDES * POINTS_PER_SLIDE,
                      "repeat": repeat, **out, "versions": VERSIONS}))


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
