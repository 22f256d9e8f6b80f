#!/usr/bin/env python3
"""Reference oracle for STAPLE on binary masks (Sources/Scoring/Consensus/STAPLE.swift).

PINNED VERSIONS (exactly what produced the committed expected.json):
    Python 3.11.7, SimpleITK 2.5.2 (ITK 5.4); no numpy: images are filled and read pixel by pixel.
The environment is scripts/oracles/staple-requirements.txt.  Any other version stops the script unless
ARBITER_ORACLE_IGNORE_VERSIONS=1 is set; the versions actually used are then written into expected.json and
the diff of the fixture needs a review.

    /tmp/venv-sitk/bin/python scripts/oracles/staple_oracle.py

Writes Fixtures/oracles/staple/expected.json (deterministic: the same bytes on every run):
    {"generator", "versions", "notes", "cases": [...]}, each case with
    name, description          what it covers
    width, height, depth       the grid (depth 1 for a 2-D image, built as a 2-D SimpleITK image)
    foreground_value           STAPLEImageFilter.SetForegroundValue (1 unless the case says otherwise)
    confidence_weight          SetConfidenceWeight (1.0 unless ...)
    maximum_iterations         SetMaximumIterations, or null for SimpleITK's default (2**32 - 1)
    masks                      one string per reader: the pixel values as decimal digits, x fastest, then y,
                               then z (index x + width * (y + height * z)), as uint8 images
    probabilities              the filter's output (sitkFloat64), same order; null for NaN
    sensitivity, specificity   GetSensitivity(), GetSpecificity() per reader; null for NaN
    elapsed_iterations         GetElapsedIterations()

Masks are drawn with random.Random(seed) (Python's Mersenne Twister): a truth made of a few discs (balls in
3-D), and per reader the discs with radii jittered and pixels flipped at a per-reader rate.
"""

import json
import math
import os
import random
import sys

PINNED = {"python": "3.11.7", "SimpleITK": "2.5.2"}
OVERRIDE = os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") == "1"


def refuse_or_warn(message):
    if not OVERRIDE:
        sys.exit(message + "\n(set ARBITER_ORACLE_IGNORE_VERSIONS=1 to run anyway)")
    print("WARNING: " + message, file=sys.stderr)


import SimpleITK as sitk  # noqa: E402

ACTUAL = {"python": "%d.%d.%d" % sys.version_info[:3], "SimpleITK": sitk.Version.VersionString()}
if ACTUAL != PINNED:
    refuse_or_warn(f"version mismatch: pinned {PINNED}, running {ACTUAL}")
ACTUAL["ITK"] = sitk.Version.ITKVersionString()

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXPECTED_REL = "Fixtures/oracles/staple/expected.json"


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


# =====================================================================
# Masks
# =====================================================================
def discs(rng, width, height, depth, count):
    out = []
    for _ in range(count):
        r = rng.uniform(2.0, max(3.0, min(width, height) / 4))
        out.append((rng.uniform(0, width), rng.uniform(0, height), rng.uniform(0, depth) if depth > 1 else 0.0, r))
    return out


def draw(width, height, depth, shapes, jitter, flip, rng, value=1):
    shapes = [(x, y, z, r + rng.uniform(-jitter, jitter)) for x, y, z, r in shapes]
    mask = []
    for z in range(depth):
        for y in range(height):
            for x in range(width):
                inside = any((x - cx) ** 2 + (y - cy) ** 2 + (z - cz) ** 2 <= r * r for cx, cy, cz, r in shapes)
                if rng.random() < flip:
                    inside = not inside
                mask.append(value if inside else 0)
    return mask


def readers(seed, width, height, depth, flips, shape_count=3):
    rng = random.Random(seed)
    truth = discs(rng, width, height, depth, shape_count)
    return [draw(width, height, depth, truth, 1.5, flip, rng) for flip in flips]


# =====================================================================
# SimpleITK
# =====================================================================
def image(mask, width, height, depth):
    size = [width, height] if depth == 1 else [width, height, depth]
    im = sitk.Image(size, sitk.sitkUInt8)
    for i, v in enumerate(mask):
        x, y, z = i % width, (i // width) % height, i // (width * height)
        im.SetPixel((x, y) if depth == 1 else (x, y, z), v)
    return im


def staple(name, description, masks, width, height, depth=1, foreground=1, confidence=1.0, maximum=None):
    f = sitk.STAPLEImageFilter()
    f.SetForegroundValue(foreground)
    f.SetConfidenceWeight(confidence)
    if maximum is not None:
        f.SetMaximumIterations(maximum)
    out = f.Execute([image(m, width, height, depth) for m in masks])
    assert out.GetPixelID() == sitk.sitkFloat64, out.GetPixelIDTypeAsString()
    probabilities = []
    for i in range(width * height * depth):
        x, y, z = i % width, (i // width) % height, i // (width * height)
        probabilities.append(num(out.GetPixel((x, y) if depth == 1 else (x, y, z))))
    return {
        "name": name, "description": description, "width": width, "height": height, "depth": depth,
        "foreground_value": foreground, "confidence_weight": confidence, "maximum_iterations": maximum,
        "masks": ["".join(str(v) for v in m) for m in masks],
        "probabilities": probabilities,
        "sensitivity": [num(v) for v in f.GetSensitivity()],
        "specificity": [num(v) for v in f.GetSpecificity()],
        "elapsed_iterations": f.GetElapsedIterations(),
    }


def cases():
    out = []
    m = readers(1901, 28, 20, 1, [0.04, 0.10])
    out.append(staple("two-readers", "2 readers, 28 x 20", m, 28, 20))
    m = readers(1902, 30, 24, 1, [0.03, 0.08, 0.15])
    out.append(staple("three-readers", "3 readers, 30 x 24", m, 30, 24))
    m = readers(1903, 26, 22, 1, [0.02, 0.05, 0.05, 0.12, 0.25], shape_count=4)
    out.append(staple("five-readers", "5 readers, 26 x 22, one of them poor", m, 26, 22))
    m = readers(1904, 24, 20, 1, [0.04, 0.08])
    m.append([0] * (24 * 20))
    out.append(staple("reader-marks-nothing", "3 readers, the third marks no pixel (sensitivity 0)", m, 24, 20))
    m = readers(1905, 24, 20, 1, [0.05, 0.12])
    out.append(staple("two-identical-readers", "3 readers, the first two identical", [m[0], m[0], m[1]], 24, 20))
    out.append(staple("all-readers-identical", "3 identical readers: probabilities 0 and 1", [m[0]] * 3, 24, 20))
    m = readers(1906, 14, 12, 6, [0.03, 0.07, 0.12])
    out.append(staple("stack-3d", "3 readers, a 14 x 12 x 6 stack", m, 14, 12, depth=6))
    m = readers(1907, 24, 20, 1, [0.04, 0.09, 0.14])
    rng = random.Random(19071)
    labelled = [[(2 if v else (1 if rng.random() < 0.3 else 0)) for v in mask] for mask in m]
    out.append(staple("foreground-2", "labels 0, 1, 2 with foreground value 2 (1 counts as background)",
                      labelled, 24, 20, foreground=2))
    out.append(staple("confidence-weight-0.6", "the prior scaled by a confidence weight of 0.6",
                      m, 24, 20, confidence=0.6))
    out.append(staple("maximum-iterations-3", "stopped after 3 iterations, before converging", m, 24, 20, maximum=3))
    m = readers(1908, 12, 10, 1, [0.02 + 0.01 * i for i in range(18)])
    out.append(staple("eighteen-readers", "18 readers, 12 x 10 (beyond the 16 readers tabulated)", m, 12, 10))
    out.append(staple("nothing-marked", "2 readers, neither marks anything: NaN everywhere",
                      [[0] * 48, [0] * 48], 8, 6))
    return out


def main():
    os.makedirs(os.path.join(REPO_ROOT, os.path.dirname(EXPECTED_REL)), exist_ok=True)
    header = {
        "generator": "scripts/oracles/staple_oracle.py",
        "versions": ACTUAL,
        "notes": "SimpleITK STAPLEImageFilter on uint8 masks; null stands for NaN. See the script's docstring.",
    }
    lines = [json.dumps(case, separators=(",", ":"), allow_nan=False) for case in cases()]
    text = json.dumps(header, indent=1)[:-2] + ',\n "cases": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    json.loads(text)
    with open(os.path.join(REPO_ROOT, EXPECTED_REL), "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    print(f"wrote {EXPECTED_REL}")


if __name__ == "__main__":
    main()
