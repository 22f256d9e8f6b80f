# Oracle for Arbiter's `slide-lesion-detection` task kind (issue 6, section 1).
#
# PINNED VERSIONS: scripts/oracles/lesion-requirements.txt (refuses others
# unless ARBITER_ORACLE_IGNORE_VERSIONS=1).
"""Make Fixtures/lesions/froc/ and Fixtures/oracles/lesions/froc.json.

Usage:  /work/venv-lesions/bin/python scripts/oracles/lesion_froc_oracle.py

Everything under Fixtures/lesions/froc/ is deleted and rewritten.  See
Fixtures/lesions/README.md for the layout and the rasterisation rule.
"""

import os
import shutil
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lesion_common as lc  # noqa: E402

VERSIONS = lc.check_versions()

import camelyon16_froc_port as port  # noqa: E402

OUT = os.path.join(lc.REPO, "Fixtures", "lesions", "froc")
ORACLE = os.path.join(lc.REPO, "Fixtures", "oracles", "lesions", "froc.json")
LEVEL = port.EVALUATION_MASK_LEVEL
SCALE = 2 ** LEVEL  # 32


# ---------------------------------------------------------------------------
# Ground truth: polygons in level-0 pixel coordinates (integers).  Written as
# level-5 vertices v -> level-0 32*v + 7 so that no level-5 pixel centre lies
# on an edge (checked exactly below).
# ---------------------------------------------------------------------------
def _touches_a_centre(ring):
    """True if some level-L pixel centre (32c+16, 32r+16) lies exactly on an edge."""
    n = len(ring)
    for i in range(n):
        (x1, y1), (x2, y2) = ring[i], ring[(i + 1) % n]
        for cx in range((min(x1, x2) - 16) // SCALE, (max(x1, x2) - 16) // SCALE + 2):
            for cy in range((min(y1, y2) - 16) // SCALE, (max(y1, y2) - 16) // SCALE + 2):
                px, py = cx * SCALE + 16, cy * SCALE + 16
                if min(x1, x2) <= px <= max(x1, x2) and min(y1, y2) <= py <= max(y1, y2) and \
                        (x2 - x1) * (py - y1) == (y2 - y1) * (px - x1):
                    return True
    return False


def poly(*pts):
    """Level-5 vertices -> level-0 integers 32*v + (dx, 7); dx starts at 7 and
    is raised until no pixel centre lies on an edge (deterministic)."""
    for dx in range(7, 32):
        ring = [(int(round(x * SCALE)) + dx, int(round(y * SCALE)) + 7) for x, y in pts]
        if not _touches_a_centre(ring):
            return ring
    raise AssertionError("no offset keeps the pixel centres off the edges")


def rect(x0, y0, x1, y1):
    return poly((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def octagon(cx, cy, r):
    k = r * 0.4142
    return poly((cx - k, cy - r), (cx + k, cy - r), (cx + r, cy - k), (cx + r, cy + k),
                (cx + k, cy + r), (cx - k, cy + r), (cx - r, cy + k), (cx - r, cy - k))


# each lesion: list of rings (exterior first, then holes), level-0 pixels
SLIDES = [
    # case_id, width, height (level 0; multiples of 32), lesions
    ("tumor_001", 6400, 4800, [
        [octagon(60, 50, 20)],                                     # A: large
        [poly((120, 90), (165, 90), (165, 130), (150, 130), (150, 105), (120, 105))],  # B: concave L
        [rect(168, 28, 172, 32)],                                  # C: ITC (4x4 px)
    ]),
    ("tumor_002", 6400, 4800, [
        [octagon(50, 60, 30), octagon(50, 60, 12)],                # ring: hole is filled later
        [poly((150, 20), (158, 45), (180, 48), (162, 60), (170, 85), (150, 68),
              (130, 85), (138, 60), (120, 48), (142, 45))],           # 10-point star (concave)
    ]),
    ("tumor_003", 6400, 3200, [
        [rect(40, 30, 90, 70)],                                    # left block
        [rect(104, 30, 150, 70)],                                  # right block, 14 px gap
    ]),
    ("tumor_004", 4800, 3200, [
        [rect(20, 40, 36, 42)],                                    # thin: ITC only with the halved growth
        [octagon(110, 50, 18)],                                    # large
    ]),
    ("tumor_005", 3200, 3200, [
        [rect(20, 20, 26, 25)],                                    # ITC
        [octagon(70, 70, 4)],                                      # ITC
    ]),
    ("tumor_006", 4800, 4800, [
        [poly((-0.2, -0.2), (40, -0.2), (40, 10), (25, 30), (-0.2, 35))],  # touches the slide's top-left corner
    ]),
    ("tumor_007", 3200, 3200, [
        [octagon(50, 50, 15)],                                     # never submitted
    ]),
    ("normal_001", 3200, 3200, []),
    ("normal_002", 4800, 3200, []),
    ("normal_003", 3200, 3200, []),
    ("normal_004", 3200, 3200, []),                               # never submitted
]


def centre_grid(width, height):
    cols = np.arange(width // SCALE) * SCALE + SCALE // 2
    rows = np.arange(height // SCALE) * SCALE + SCALE // 2
    return np.meshgrid(cols, rows)


def rasterise(rings, width, height):
    """Level-L pixel (r, c) is set iff the level-0 point (32c+16, 32r+16) lies
    inside the rings by the even-odd rule.  Exact integer arithmetic; aborts
    if any centre lies exactly on an edge."""
    px, py = centre_grid(width, height)
    px = px.astype(np.int64)
    py = py.astype(np.int64)
    inside = np.zeros(px.shape, dtype=bool)
    for ring in rings:
        n = len(ring)
        for i in range(n):
            x1, y1 = ring[i]
            x2, y2 = ring[(i + 1) % n]
            cross = (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1)
            on = (cross == 0) & (px >= min(x1, x2)) & (px <= max(x1, x2)) & \
                 (py >= min(y1, y2)) & (py <= max(y1, y2))
            assert not on.any(), "a pixel centre lies on an edge"
            spans = (y1 > py) != (y2 > py)
            # x of the edge at height py, compared without division:
            # px < x1 + (py - y1) * (x2 - x1) / (y2 - y1)
            dy = y2 - y1
            if dy == 0:
                continue
            lhs = (px - x1) * dy
            rhs = (py - y1) * (x2 - x1)
            left = lhs < rhs if dy > 0 else lhs > rhs
            inside ^= spans & left
    return inside


def check_against_skimage(rings, width, height, raster):
    from skimage.draw import polygon as sk_polygon
    shape = (height // SCALE, width // SCALE)
    acc = np.zeros(shape, dtype=bool)
    for ring in rings:
        rr, cc = sk_polygon([(y - SCALE / 2) / SCALE for _, y in ring],
                            [(x - SCALE / 2) / SCALE for x, _ in ring], shape)
        m = np.zeros(shape, dtype=bool)
        m[rr, cc] = True
        acc ^= m
    assert np.array_equal(acc, raster), "skimage.draw.polygon disagrees with the even-odd raster"


def wkt(rings):
    parts = []
    for ring in rings:
        closed = list(ring) + [ring[0]]
        parts.append("(" + ", ".join(f"{x} {y}" for x, y in closed) + ")")
    return "POLYGON (" + ", ".join(parts) + ")"


def geojson(case_id, lesions):
    import json
    feats = []
    for i, rings in enumerate(lesions):
        feats.append({
            "type": "Feature",
            "id": f"{case_id}-lesion-{i + 1}",
            "geometry": {"type": "Polygon",
                         "coordinates": [[[x, y] for x, y in list(r) + [r[0]]] for r in rings]},
            "properties": {"objectType": "annotation",
                           "classification": {"name": "Tumor", "color": [200, 0, 0]}},
        })
    return json.dumps({"type": "FeatureCollection", "features": feats}, indent=1) + "\n"


# ---------------------------------------------------------------------------
# Predictions.  Points are given at level-5 pixel (col, row) plus an offset in
# 0..31 inside that pixel, so x // 32 == col holds by construction.
# ---------------------------------------------------------------------------
def pt(case, col, row, conf, ox=13, oy=21):
    return (case, col * SCALE + ox, row * SCALE + oy, conf)


MAIN = [
    pt("tumor_001", 60, 50, 0.9), pt("tumor_001", 55, 45, 0.6, 0, 0), pt("tumor_001", 70, 60, 0.9, 31, 31),  # 3 hits on A
    pt("tumor_001", 160, 120, 0.35),                       # hit on B
    pt("tumor_001", 170, 30, 0.99),                        # on the ITC: ignored
    pt("tumor_001", 10, 140, 0.9),                         # FP, ties the TP at 0.9
    pt("tumor_001", 190, 5, 0.2),                          # FP
    pt("tumor_001", 86, 50, 0.5),                          # 6 px right of A's edge: FP for camelyon16, hit for froc
    pt("tumor_002", 50, 60, 0.65),                         # in the ring's (filled) hole: a hit
    pt("tumor_002", 150, 55, 0.75),                        # hit on the star
    pt("tumor_002", 140, 140, 0.1),                        # FP
    pt("tumor_003", 60, 50, 0.8),                          # left block
    pt("tumor_003", 130, 50, 0.45),                        # right block
    pt("tumor_003", 97, 50, 0.3),                          # in the gap: FP (camelyon16) / on the merged region (froc)
    pt("tumor_004", 28, 41, 0.55),                         # on the thin lesion (ITC for camelyon16 only)
    pt("tumor_004", 110, 50, 0.0),                         # confidence 0 on the large lesion
    pt("tumor_005", 23, 22, 0.7), pt("tumor_005", 70, 70, 0.4),  # both ITCs
    pt("tumor_005", 90, 10, 0.6),                          # FP
    pt("tumor_006", 10, 10, 0.35, 0, 0),                   # hit, ties tumor_001's B
    pt("tumor_006", 140, 140, 0.05),                       # FP
    pt("normal_001", 10, 10, 0.9), pt("normal_001", 50, 50, 0.5), pt("normal_001", 90, 90, 0.25),
    pt("normal_002", 75, 50, 0.45),                        # ties tumor_003's right block
    pt("normal_003", 5, 5, 0.0),                           # FP with confidence 0
]

ALL_HIT = [
    pt("tumor_002", 50, 60, 0.8), pt("tumor_002", 150, 55, 0.6),
    pt("tumor_003", 60, 50, 0.7), pt("tumor_003", 130, 50, 0.3),
    pt("tumor_003", 97, 50, 0.25),
    pt("tumor_006", 10, 10, 0.15),                         # the lowest value, a TP: dropped by camelyon16
    pt("normal_001", 10, 10, 0.4), pt("normal_001", 20, 20, 0.3),
    pt("normal_002", 10, 10, 0.2),
]


def fp_heavy():
    """Many FPs (up to ~8 per slide at the lowest threshold), 2-decimal
    confidences (so ties), plus one or two hits per tumour slide."""
    rng = np.random.default_rng(20160120)
    rows = []
    hits = {"tumor_001": [(60, 50), (140, 95)], "tumor_002": [(50, 40), (150, 60)],
            "tumor_003": [(45, 35)], "tumor_004": [(110, 50), (28, 41)],
            "tumor_006": [(5, 5)], "tumor_007": [(50, 50)]}
    for case_id, w, h, lesions in SLIDES:
        raster = rasterise([r for les in lesions for r in les], w, h) if lesions else None
        for col, row in hits.get(case_id, []):
            rows.append(pt(case_id, col, row, round(float(rng.uniform(0.3, 1.0)), 2)))
        n_fp = int(rng.integers(4, 13))
        k = 0
        while k < n_fp:
            col = int(rng.integers(0, w // SCALE))
            row = int(rng.integers(0, h // SCALE))
            if raster is not None:
                r0, r1 = max(0, row - 12), min(raster.shape[0], row + 13)
                c0, c1 = max(0, col - 12), min(raster.shape[1], col + 13)
                if raster[r0:r1, c0:c1].any():
                    continue  # keep FPs well away from every lesion (both protocols)
            rows.append(pt(case_id, col, row, round(float(rng.uniform(0.0, 1.0)), 2),
                           int(rng.integers(0, 32)), int(rng.integers(0, 32))))
            k += 1
    return rows


def write_csv(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write("case_id,x,y,confidence\n")
        for case_id, x, y, c in rows:
            fh.write(f"{case_id},{x},{y},{c!r}\n")


def group(rows):
    out = {}
    for case_id, x, y, c in rows:
        out.setdefault(case_id, []).append((x, y, c))
    return out


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    slides = {}
    wkt_rows = []
    for case_id, w, h, lesions in SLIDES:
        assert w % SCALE == 0 and h % SCALE == 0
        rings = [r for les in lesions for r in les]
        raster = rasterise(rings, w, h) if rings else np.zeros((h // SCALE, w // SCALE), dtype=bool)
        if rings:
            check_against_skimage(rings, w, h, raster)
        # each lesion rasterised on its own must be non-empty
        for les in lesions:
            assert rasterise(les, w, h).any(), case_id
        mask = np.where(raster, 255, 0).astype(np.uint8)
        lc.write_png_gray8(os.path.join(OUT, "masks", f"{case_id}_level5.png"), mask)
        os.makedirs(os.path.join(OUT, "geojson"), exist_ok=True)
        with open(os.path.join(OUT, "geojson", f"{case_id}.geojson"), "w") as fh:
            fh.write(geojson(case_id, lesions))
        for les in lesions:
            wkt_rows.append((case_id, wkt(les)))
        slides[case_id] = {"level_mask": mask, "is_tumor": bool(lesions), "width": w, "height": h}
        # intermediate evaluation masks (label images) for debugging the Swift side
        for name, radius in (("camelyon16", port.camelyon16_growth_radius_px()),
                             ("froc", port.documented_growth_radius_px())):
            if lesions:
                em = port.grow_and_label(mask, radius)
                assert em.max() < 256
                lc.write_png_gray8(os.path.join(OUT, "evaluation", f"{case_id}_{name}.png"), em.astype(np.uint8))

    with open(os.path.join(OUT, "slides.csv"), "w") as fh:
        fh.write("case_id,width,height\n")
        for case_id, w, h, _ in SLIDES:
            fh.write(f"{case_id},{w},{h}\n")
    with open(os.path.join(OUT, "annotations-wkt.csv"), "w") as fh:
        fh.write("case_id,wkt\n")
        for case_id, text in wkt_rows:
            fh.write(f'{case_id},"{text}"\n')

    sets = {"main": MAIN, "all-hit": ALL_HIT, "fp-heavy": fp_heavy()}
    oracle = {
        "generator": "scripts/oracles/lesion_froc_oracle.py",
        "versions": VERSIONS,
        "constants": {
            "level": LEVEL,
            "l0_resolution_um": port.L0_RESOLUTION,
            "camelyon16_growth_radius_px": port.camelyon16_growth_radius_px(),
            "froc_growth_radius_px": port.documented_growth_radius_px(),
            "itc_major_axis_limit_px": port.itc_major_axis_limit_px(),
            "fp_per_slide_points": port.FP_PER_SLIDE_POINTS,
        },
        "slides": {},
        "prediction_sets": {},
    }
    for case_id, info in slides.items():
        entry = {"width": info["width"], "height": info["height"], "is_tumor": info["is_tumor"],
                 "mask_pixels": int((info["level_mask"] == 255).sum())}
        for name, radius in (("camelyon16", port.camelyon16_growth_radius_px()),
                             ("froc", port.documented_growth_radius_px())):
            if info["is_tumor"]:
                em = port.grow_and_label(info["level_mask"], radius)
                itc = port.compute_itc_list(em)
                entry[name] = {"regions": int(em.max()), "itc_labels": itc,
                               "major_axis_lengths": port.major_axis_lengths(em),
                               "region_pixels": [int((em == k).sum()) for k in range(1, int(em.max()) + 1)]}
            else:
                entry[name] = {"regions": 0, "itc_labels": [], "major_axis_lengths": [], "region_pixels": []}
        oracle["slides"][case_id] = entry

    for set_name, rows in sets.items():
        for case_id, x, y, c in rows:
            w, h = slides[case_id]["width"], slides[case_id]["height"]
            assert 0 <= x < w and 0 <= y < h and 0.0 <= c <= 1.0
        path = os.path.join(OUT, "predictions", f"{set_name}.csv")
        write_csv(path, rows)
        preds = group(rows)
        c16 = port.evaluate_camelyon16(slides, preds)
        doc = port.froc_documented(slides, preds)
        oracle["prediction_sets"][set_name] = {
            "file": lc.rel(path),
            "rows": len(rows),
            "camelyon16": c16,
            "froc": doc,
        }

    lc.write_json(ORACLE, oracle)
    for name, s in oracle["prediction_sets"].items():
        print(name, "camelyon16", round(s["camelyon16"]["score"], 6), s["camelyon16"]["sensitivities"])
        print(name, "froc      ", round(s["froc"]["score"], 6), s["froc"]["sensitivities"])


if __name__ == "__main__":
    main()
