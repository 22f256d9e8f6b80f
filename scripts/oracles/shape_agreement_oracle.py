#!/usr/bin/env python3
"""Reference oracle for shape agreement between readers (Sources/Scoring/Agreement/Shapes).

PINNED VERSIONS (exactly what produced the committed shape-agreement.json):
    Python 3.11.7, numpy 2.4.6, scipy 1.17.1, scikit-image 0.26.0, networkx 3.6.1
The full environment, transitive dependencies included, is scripts/oracles/shape-agreement-requirements.txt.
Any other version stops the script unless ARBITER_ORACLE_IGNORE_VERSIONS=1 is set; the versions actually
used are then written into the fixture and its diff needs a review.

Make the environment and run (deterministic: the same bytes on every run):
    python3.11 -m venv /tmp/venv-shapes
    /tmp/venv-shapes/bin/pip install -r scripts/oracles/shape-agreement-requirements.txt
    /tmp/venv-shapes/bin/python scripts/oracles/shape_agreement_oracle.py

Writes Fixtures/oracles/agreement/shape-agreement.json: reader studies whose reads are polygons (rings of
level-0 points, with a class) and points (with a class), generated with seeded numpy generators, and for each:

  dice     per class selection (null: every class pooled, or one class): each item read at least twice is
           rasterised on its grid (a level-0 box and a level L; cells of 2^L pixels, cell (c, r) centred at
           (x0 + 2^L c + 2^(L-1), y0 + 2^L r + 2^(L-1))) with skimage.draw.polygon, one call per ring in
           skimage's index coordinates ((y - y0 - 2^(L-1)) / 2^L, (x - x0 - 2^(L-1)) / 2^L, exact for these
           dyadic inputs), rings of a polygon combined by XOR (even-odd) and a reader's polygons by OR.  Then per
           pair of readers a < b (reader order = order of first appearance in the reads): |A & B|, |A|, |B| and
           Dice = 2|A & B| / (|A| + |B|), 1 when both masks are empty (Metrics Reloaded's fbeta returns 1 when
           there is neither a false positive nor a false negative).  Item mean = math.fsum of its pairs' values /
           pairs; overall mean = fsum of item means / items read at least twice (null when none); pair means
           per reader pair over the items both read.
  points   per radius (level-0 pixels; some given as micrometres / microns per pixel, divided here in float64 as
           the Swift code does) and class selection: the largest one-to-one matching of A's and B's points with
           dx*dx + dy*dy <= r*r (inclusive), from scipy.optimize.linear_sum_assignment on costs -1 (allowed) /
           0 (not), its size cross-checked against networkx's Hopcroft-Karp maximum matching; F1 = 2M / (|A| +
           |B|), 1 when both readers placed no point.  Means as for dice.
  bootstrap  a seeded plan as Sources/Scoring/Ranking/Bootstrap/BootstrapPlan.swift draws it (SplitMix64,
           Lemire's method; the same code as agreement_oracle.py); each resample's value is the mean over the
           drawn items (repeats counted) read at least twice of the item means, null when none; the interval is
           numpy.percentile of the defined values at (100 -+ 100 * confidence) / 2.

Boundary convention.  skimage.draw.polygon 0.26 sets pixels whose centre lies on an edge or a vertex (closed
polygons); Geometry's PolygonRasterizer is half-open (a centre on a left edge or a bottom edge is outside, on a
right or top edge inside).  The two agree wherever no cell centre lies exactly on an edge, so every polygon here
is checked with exact rational arithmetic and redrawn until no centre of its grid lies on one of its edges; the
same exact test re-computes every mask by the crossing-number rule and must agree with skimage.  The half-open
convention itself is pinned by unit tests (Tests/ScoringTests/Agreement/PolygonDiceTests.swift), not here.
Points exactly at the radius are included (dx^2 + dy^2 == r^2 exactly, on integer or dyadic coordinates).
"""

import json
import math
import os
import sys
from fractions import Fraction
from itertools import combinations

PINNED = {
    "python": "3.11.7",
    "numpy": "2.4.6",
    "scipy": "1.17.1",
    "scikit-image": "0.26.0",
    "networkx": "3.6.1",
}
OVERRIDE = os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") == "1"


def refuse_or_warn(message):
    if not OVERRIDE:
        sys.exit(message + "\n(set ARBITER_ORACLE_IGNORE_VERSIONS=1 to run anyway)")
    print("WARNING: " + message, file=sys.stderr)


if "%d.%d.%d" % sys.version_info[:3] != PINNED["python"]:
    refuse_or_warn(f"version mismatch: pinned Python {PINNED['python']}, running {sys.version.split()[0]}")

from importlib.metadata import version  # noqa: E402

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402
from skimage.draw import polygon as sk_polygon  # noqa: E402

ACTUAL = {"python": "%d.%d.%d" % sys.version_info[:3]}
ACTUAL.update({name: version(name) for name in PINNED if name != "python"})
if ACTUAL != PINNED:
    refuse_or_warn(f"version mismatch: pinned {PINNED}, running {ACTUAL}")

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXPECTED_REL = "Fixtures/oracles/agreement/shape-agreement.json"
EIGHTH = 8  # vertices and points lie on a grid of 1/8 level-0 pixel


def generator(seed):
    return np.random.Generator(np.random.PCG64(seed))


def num(x):
    return None if x is None or math.isnan(x) else float(x)


# =====================================================================
# Grids and rasterising
# =====================================================================
def grid(x0, y0, width, height, level):
    s = 1 << level
    return {"origin_x": x0, "origin_y": y0, "width": width, "height": height, "level": level,
            "columns": -(-width // s), "rows": -(-height // s)}


def centres(g):
    """Exact level-0 centres of the grid's cells: xs per column, ys per row."""
    s = 1 << g["level"]
    half = Fraction(s, 2)
    return ([g["origin_x"] + s * c + half for c in range(g["columns"])],
            [g["origin_y"] + s * r + half for r in range(g["rows"])])


def ring_edges(ring):
    return [(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring))]


def centre_on_edge(ring, g):
    xs, ys = centres(g)
    for (x1, y1), (x2, y2) in ring_edges([(Fraction(x), Fraction(y)) for x, y in ring]):
        for y in ys:
            if not (min(y1, y2) <= y <= max(y1, y2)):
                continue
            for x in xs:
                if min(x1, x2) <= x <= max(x1, x2) and (x2 - x1) * (y - y1) == (y2 - y1) * (x - x1):
                    return True
    return False


def exact_ring_mask(ring, g):
    """Crossing-number rule in exact rationals (no centre lies on an edge, so any convention gives this)."""
    xs, ys = centres(g)
    mask = np.zeros((g["rows"], g["columns"]), dtype=bool)
    edges = ring_edges([(Fraction(x), Fraction(y)) for x, y in ring])
    for r, y in enumerate(ys):
        crossings = [x1 + (y - y1) * (x2 - x1) / (y2 - y1) for (x1, y1), (x2, y2) in edges if (y1 > y) != (y2 > y)]
        for c, x in enumerate(xs):
            mask[r, c] = sum(1 for k in crossings if k > x) % 2 == 1
    return mask


def skimage_ring_mask(ring, g):
    s = 1 << g["level"]
    half = s / 2
    shape = (g["rows"], g["columns"])
    rows = [(y - g["origin_y"] - half) / s for _, y in ring]
    cols = [(x - g["origin_x"] - half) / s for x, _ in ring]
    mask = np.zeros(shape, dtype=bool)
    if shape[0] and shape[1]:
        rr, cc = sk_polygon(rows, cols, shape)
        mask[rr, cc] = True
    return mask


def reader_mask(polygons, g, klass):
    union = np.zeros((g["rows"], g["columns"]), dtype=bool)
    for p in polygons:
        if klass is not None and p["class"] != klass:
            continue
        region = np.zeros_like(union)
        for ring in p["rings"]:
            m = skimage_ring_mask(ring, g)
            assert np.array_equal(m, exact_ring_mask(ring, g)), "skimage disagrees with the exact crossing rule"
            region ^= m
        union |= region
    return union


# =====================================================================
# Shape generators (vertices on a 1/8-pixel grid)
# =====================================================================
def snap(v):
    return round(float(v) * EIGHTH) / EIGHTH


def convex(rng, cx, cy, radius):
    n = int(rng.integers(3, 9))
    angles = np.sort(rng.uniform(0, 2 * np.pi, n))
    return [[snap(cx + radius * math.cos(a)), snap(cy + radius * math.sin(a))] for a in angles]


def star(rng, cx, cy, radius):
    n = int(rng.integers(4, 8))
    out = []
    for k in range(2 * n):
        a = math.pi * k / n + rng.uniform(-0.15, 0.15)
        r = radius * (1.0 if k % 2 == 0 else rng.uniform(0.3, 0.6))
        out.append([snap(cx + r * math.cos(a)), snap(cy + r * math.sin(a))])
    return out


def figure_eight(rng, cx, cy, radius):
    """One ring touching itself at (cx, cy), an integer point (a pixel corner at level 0)."""
    a = snap(radius * rng.uniform(0.6, 1.0))
    b = snap(radius * rng.uniform(0.6, 1.0))
    return [[cx, cy], [cx + a, cy - b / 2], [cx + a, cy + b / 2], [cx, cy], [cx - a, cy + b / 2], [cx - a, cy - b / 2]]


def with_hole(rng, cx, cy, radius):
    outer = convex(rng, cx, cy, radius)
    inner = [[snap(cx + radius * 0.35 * math.cos(a)), snap(cy + radius * 0.35 * math.sin(a))]
             for a in np.linspace(0, 2 * np.pi, 6, endpoint=False) + rng.uniform(0, 1)]
    return [outer, inner[::-1]]


def shape_rings(rng, kind, cx, cy, radius):
    if kind == "convex":
        return [convex(rng, cx, cy, radius)]
    if kind == "concave":
        return [star(rng, cx, cy, radius)]
    if kind == "figure-eight":
        return [figure_eight(rng, int(cx), int(cy), radius)]
    return with_hole(rng, cx, cy, radius)


def polygon_on(rng, g, kind, klass, jitter_of=None):
    """A polygon whose rings put no cell centre of `g` on an edge; near `jitter_of` (a centre) when given."""
    s = 1 << g["level"]
    w, h = g["columns"] * s, g["rows"] * s
    while True:
        if jitter_of is None:
            cx = g["origin_x"] + rng.uniform(-0.1, 1.1) * w
            cy = g["origin_y"] + rng.uniform(-0.1, 1.1) * h
            radius = rng.uniform(0.1, 0.45) * min(w, h)
        else:
            cx, cy, radius = jitter_of
            cx += rng.normal(0, radius * 0.15)
            cy += rng.normal(0, radius * 0.15)
            radius *= rng.uniform(0.8, 1.2)
        rings = shape_rings(rng, kind, cx, cy, radius)
        if not any(centre_on_edge(ring, g) for ring in rings):
            return {"class": klass, "rings": rings}, (cx, cy, radius)


def random_points(rng, g, n, klass):
    s = 1 << g["level"]
    return [{"class": klass, "x": snap(g["origin_x"] + rng.uniform(0, g["columns"] * s)),
             "y": snap(g["origin_y"] + rng.uniform(0, g["rows"] * s))} for _ in range(n)]


def jittered_points(rng, points, spread, drop, extra, g):
    out = [{"class": p["class"], "x": snap(p["x"] + rng.normal(0, spread)), "y": snap(p["y"] + rng.normal(0, spread))}
           for p in points if rng.uniform() >= drop]
    classes = sorted({p["class"] for p in points}) or ["cell"]
    for _ in range(extra):
        out += random_points(rng, g, 1, classes[int(rng.integers(len(classes)))])
    return out


# =====================================================================
# Statistics
# =====================================================================
def reader_order(reads):
    items, readers = [], []
    for read in reads:
        if read["item"] not in items:
            items.append(read["item"])
        if read["reader"] not in readers:
            readers.append(read["reader"])
    return items, readers


def table(reads):
    items, readers = reader_order(reads)
    cells = {(items.index(r["item"]), readers.index(r["reader"])): r for r in reads}
    return items, readers, cells


def value_of(shared, a, b):
    return 1.0 if a + b == 0 else 2 * shared / (a + b)


def summarise(items, readers, per_item_pairs):
    """per_item_pairs[i]: list of (a, b, shared, count_a, count_b)."""
    out_items, means, pair_values = [], [], {}
    for i, pairs in enumerate(per_item_pairs):
        values = [value_of(s, ca, cb) for _, _, s, ca, cb in pairs]
        mean = math.fsum(values) / len(values) if values else None
        if mean is not None:
            means.append(mean)
        for (a, b, *_), v in zip(pairs, values):
            pair_values.setdefault((a, b), []).append(v)
        out_items.append({"item": items[i], "mean": mean, "pairs": [
            {"reader_a": a, "reader_b": b, "shared": s, "count_a": ca, "count_b": cb, "value": value_of(s, ca, cb)}
            for a, b, s, ca, cb in pairs]})
    return {"items": out_items, "item_means": [it["mean"] for it in out_items],
            "mean": math.fsum(means) / len(means) if means else None,
            "pair_means": [{"reader_a": a, "reader_b": b, "item_count": len(v), "mean": math.fsum(v) / len(v)}
                           for (a, b), v in sorted(pair_values.items())]}


def item_pairs(cells, item, reader_count):
    present = [r for r in range(reader_count) if (item, r) in cells]
    return list(combinations(present, 2))


def dice_study(reads, grids, klass):
    items, readers, cells = table(reads)
    per_item = []
    for i, item in enumerate(items):
        pairs = item_pairs(cells, i, len(readers))
        if not pairs:
            per_item.append([])
            continue
        g = grids[item]
        masks = {r: reader_mask(cells[(i, r)]["polygons"], g, klass) for r in range(len(readers)) if (i, r) in cells}
        per_item.append([(a, b, int((masks[a] & masks[b]).sum()), int(masks[a].sum()), int(masks[b].sum()))
                         for a, b in pairs])
    return {"class": klass, **summarise(items, readers, per_item)}


def match_count(a, b, radius):
    if not a or not b:
        return 0
    limit = radius * radius
    allowed = np.array([[(p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) <= limit for q in b] for p in a])
    rows, cols = linear_sum_assignment(np.where(allowed, -1.0, 0.0))
    count = int(allowed[rows, cols].sum())
    graph = nx.Graph()
    graph.add_nodes_from(("a", i) for i in range(len(a)))
    graph.add_nodes_from(("b", j) for j in range(len(b)))
    graph.add_edges_from((("a", i), ("b", j)) for i in range(len(a)) for j in range(len(b)) if allowed[i, j])
    hopcroft_karp = nx.bipartite.maximum_matching(graph, top_nodes=[("a", i) for i in range(len(a))])
    assert count == len(hopcroft_karp) // 2, "linear_sum_assignment and Hopcroft-Karp disagree"
    return count


def point_study(reads, radius, klass, extra=None):
    items, readers, cells = table(reads)
    per_item = []
    for i in range(len(items)):
        pairs = []
        for a, b in item_pairs(cells, i, len(readers)):
            pa = [(p["x"], p["y"]) for p in cells[(i, a)]["points"] if klass is None or p["class"] == klass]
            pb = [(p["x"], p["y"]) for p in cells[(i, b)]["points"] if klass is None or p["class"] == klass]
            pairs.append((a, b, match_count(pa, pb, radius), len(pa), len(pb)))
        per_item.append(pairs)
    return {"radius": radius, "class": klass, **(extra or {}), **summarise(items, readers, per_item)}


# =====================================================================
# Bootstrap plan (as agreement_oracle.py and BootstrapPlan.swift)
# =====================================================================
MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def splitmix_next(state):
    state = (state + GOLDEN) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def uniform_below(state, bound):
    threshold = (1 << 64) % bound
    while True:
        state, x = splitmix_next(state)
        product = x * bound
        if (product & MASK64) >= threshold:
            return state, product >> 64


def resample_plan(seed, resamples, items):
    plan, root = [], seed
    for _ in range(resamples):
        root, state = splitmix_next(root)
        drawn = []
        for _ in range(items):
            state, index = uniform_below(state, items)
            drawn.append(index)
        plan.append(drawn)
    return plan


def bootstrap(results, item_count, seed, resamples, confidence):
    plan = resample_plan(seed, resamples, item_count)
    out = []
    for kind, result in results:
        means = result["item_means"]
        values = []
        for drawn in plan:
            defined = [means[i] for i in drawn if means[i] is not None]
            values.append(math.fsum(defined) / len(defined) if defined else None)
        defined = [v for v in values if v is not None]
        percents = [(100 - 100 * confidence) / 2, (100 + 100 * confidence) / 2]
        bounds = [float(q) for q in np.percentile(defined, percents)] if defined else [None, None]
        out.append({"kind": kind, "class": result["class"], "radius": result.get("radius"),
                    "estimate": result["mean"], "resampled": values, "lower": bounds[0], "upper": bounds[1]})
    return {"seed": seed, "resamples": resamples, "confidence": confidence, "first_resample": plan[0], "statistics": out}


# =====================================================================
# Studies
# =====================================================================
KINDS = ("convex", "concave", "figure-eight", "hole")


def varied_study(name, seed, item_count, reader_count, levels, classes, missing, empty_share):
    rng = generator(seed)
    readers = [f"reader_{k}" for k in range(reader_count)]
    grids, reads = {}, []
    for i in range(item_count):
        level = levels[i % len(levels)]
        s = 1 << level
        g = grid(int(rng.integers(0, 4000)) * 2, int(rng.integers(0, 4000)) * 2,
                 int(rng.integers(12, 40)) * s - int(rng.integers(0, s)), int(rng.integers(12, 40)) * s, level)
        item = f"tile_{i:03d}"
        grids[item] = g
        truth = []
        for _ in range(int(rng.integers(0, 4))):
            kind = KINDS[int(rng.integers(len(KINDS)))]
            klass = classes[int(rng.integers(len(classes)))]
            truth.append((kind, klass, polygon_on(rng, g, kind, klass)[1]))
        seeds = random_points(rng, g, int(rng.integers(0, 12)), classes[0]) + \
            random_points(rng, g, int(rng.integers(0, 6)), classes[-1])
        for reader in readers:
            if rng.uniform() < missing:
                continue
            polygons = []
            if rng.uniform() >= empty_share:
                for kind, klass, where in truth:
                    if rng.uniform() < 0.85:
                        polygons.append(polygon_on(rng, g, kind, klass, jitter_of=where)[0])
                if rng.uniform() < 0.3:
                    kind = KINDS[int(rng.integers(len(KINDS)))]
                    polygons.append(polygon_on(rng, g, kind, classes[int(rng.integers(len(classes)))])[0])
            points = jittered_points(rng, seeds, 1.5 * s, 0.15, int(rng.integers(0, 3)), g)
            reads.append({"item": item, "reader": reader, "polygons": polygons, "points": points})
    rng.shuffle(reads)
    return name, grids, reads


def square(x0, y0, x1, y1, klass="tumour"):
    return {"class": klass, "rings": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]]}


def edge_cases_study():
    """Hand-made items: identical, disjoint, both empty, one empty, one read, points at exactly the radius."""
    g0 = grid(100, 200, 16, 12, 0)
    g1 = grid(64, 32, 31, 30, 1)
    grids = {"identical": g0, "disjoint": g0, "both-empty": g0, "one-empty": g1, "single-read": g0,
             "nested": g1, "radius": g0, "outside": g0}
    p = lambda x, y, k="cell": {"class": k, "x": x, "y": y}  # noqa: E731
    reads = [
        {"item": "identical", "reader": "ana", "polygons": [square(101, 201, 108.25, 207)], "points": [p(103, 204)]},
        {"item": "identical", "reader": "ben", "polygons": [square(101, 201, 108.25, 207)], "points": [p(103, 204)]},
        {"item": "disjoint", "reader": "ana", "polygons": [square(101, 201, 104, 204)], "points": [p(101, 201)]},
        {"item": "disjoint", "reader": "ben", "polygons": [square(110, 205, 114, 210)], "points": [p(114, 210)]},
        {"item": "both-empty", "reader": "ana", "polygons": [], "points": []},
        {"item": "both-empty", "reader": "ben", "polygons": [], "points": []},
        {"item": "both-empty", "reader": "cai", "polygons": [], "points": []},
        {"item": "one-empty", "reader": "ana", "polygons": [square(70, 40, 80, 50, "stroma")], "points": []},
        {"item": "one-empty", "reader": "cai", "polygons": [], "points": [p(70, 40)]},
        {"item": "single-read", "reader": "ben", "polygons": [square(101, 201, 104, 204)], "points": [p(101, 201)]},
        {"item": "nested", "reader": "ana", "polygons": [square(66, 34, 90, 60), square(70, 38, 80, 50, "stroma")],
         "points": [p(70, 40), p(75, 40, "lymphocyte")]},
        {"item": "nested", "reader": "ben", "polygons": [square(66, 34, 90, 60, "stroma")],
         "points": [p(70, 45), p(75, 40, "lymphocyte")]},
        {"item": "nested", "reader": "cai", "polygons": [square(62, 30, 70, 40), square(74, 44, 94, 64)],
         "points": [p(73, 44), p(70, 40), p(75.5, 40, "lymphocyte")]},
        # Radius 5: (3, 4) away is exactly 5 (matched), (5, 0) exactly 5, (5.125, 0) just beyond; the chain
        # 0 -- 4.5 -- 9 needs the matching, not the nearest neighbour, to pair all of them.
        {"item": "radius", "reader": "ana", "polygons": [], "points": [p(100, 200), p(110, 200), p(120, 200), p(130, 200), p(104.5, 205)]},
        {"item": "radius", "reader": "ben", "polygons": [], "points": [p(103, 204), p(115, 200), p(125.125, 200), p(109, 205)]},
        {"item": "outside", "reader": "ana", "polygons": [square(0, 0, 104, 204), square(110, 205, 500, 500)], "points": []},
        {"item": "outside", "reader": "ben", "polygons": [square(90, 190, 105, 206)], "points": []},
    ]
    for read in reads:
        for poly in read["polygons"]:
            assert not any(centre_on_edge(r, grids[read["item"]]) for r in poly["rings"])
    return "edge-cases", grids, reads


def evaluate(name, description, grids, reads, radii, seed, resamples, classes):
    items, _ = reader_order(reads)
    dice = [dice_study(reads, grids, k) for k in [None] + classes]
    points = []
    for radius in radii:
        if isinstance(radius, tuple):
            micrometres, mpp = radius
            extra = {"micrometres": micrometres, "microns_per_pixel": mpp}
            points += [point_study(reads, micrometres / mpp, k, extra) for k in [None] + classes]
        else:
            points += [point_study(reads, float(radius), k) for k in [None] + classes]
    statistics = [("dice", r) for r in dice] + [("points", r) for r in points]
    return {"name": name, "description": description, "grids": grids, "reads": reads,
            "dice": dice, "points": points, "bootstrap": bootstrap(statistics, len(items), seed, resamples, 0.95)}


def main():
    studies = []
    name, grids, reads = edge_cases_study()
    studies.append(evaluate(name, "hand-made items: identical, disjoint, both empty, one empty, one read, nested "
                            "classes, points exactly at the radius, polygons beyond the grid", grids, reads,
                            [5, 0, (2.5, 0.25)], 7, 40, ["tumour", "stroma", "cell", "lymphocyte"]))
    for name, seed, items, readers, levels, classes, missing, empty, radii, description in [
        ("two-readers-level-0", 20261207, 12, 2, [0], ["tumour", "stroma"], 0.0, 0.1, [3, (4.0, 0.2425)],
         "two readers, full resolution, convex/concave/figure-eight/holed polygons and points of two classes"),
        ("three-readers-levels", 11, 15, 3, [0, 1, 2], ["tumour", "stroma"], 0.15, 0.15, [2.5, 6],
         "three readers with missing reads, items at levels 0 to 2 with boxes not a multiple of the cell size"),
        ("five-readers-sparse", 5, 10, 5, [1, 3], ["tumour"], 0.4, 0.3, [8],
         "five readers, many missing reads and empty reads, one class"),
    ]:
        grids, reads = varied_study(name, seed, items, readers, levels, classes, missing, empty)[1:]
        studies.append(evaluate(name, description, grids, reads, radii, seed, 50, classes))
    document = {"generator": "scripts/oracles/shape_agreement_oracle.py", "versions": ACTUAL, "studies": studies}
    path = os.path.join(REPO_ROOT, EXPECTED_REL)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        json.dump(document, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {EXPECTED_REL}")


if __name__ == "__main__":
    main()
