#!/usr/bin/env python3
"""Deep Zoom geometry as openslide-python's DeepZoomGenerator computes it, for Arbiter's Tiling tests.

    python scripts/oracles/deepzoom_oracle.py      # writes Fixtures/oracles/deepzoom/expected.json

For every slide OpenSlide opens among Fixtures/slides/*.svs|*.tiff and ../shared/data/wsi/*, and for several
(tile_size, overlap, limit_bounds) settings, records what the geometry depends on (level dimensions, level
downsamples, the bounds properties) and what it yields: Deep Zoom level dimensions, tile counts, the slide level
read for each Deep Zoom level, and the read_region() parameters and final size of a sample of tiles (every tile
of the small levels, the four corners and the centre of the large ones). The Swift tests rebuild the geometry from
the recorded slide facts, so they need neither Python nor the slides. Versions are pinned in
scripts/oracles/deepzoom-requirements.txt (the script refuses others unless ARBITER_ORACLE_IGNORE_VERSIONS=1).
"""
import glob
import json
import os
import sys

import openslide
from openslide.deepzoom import DeepZoomGenerator

PINNED = {"openslide-python": "1.4.7", "openslide-bin": "4.0.1.2"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETTINGS = [(254, 1, False), (254, 1, True), (256, 0, False), (510, 2, True), (64, 3, False)]


def check_versions():
    from importlib.metadata import version
    found = {name: version(name) for name in PINNED}
    if found != PINNED and not os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS"):
        sys.exit(f"pinned {PINNED}, found {found}")


def sample_tiles(columns, rows):
    if columns * rows <= 64:
        return [(c, r) for r in range(rows) for c in range(columns)]
    picks = {(0, 0), (columns - 1, 0), (0, rows - 1), (columns - 1, rows - 1), (columns // 2, rows // 2), (1 % columns, 1 % rows)}
    return sorted(picks)


def describe(path, name):
    slide = openslide.OpenSlide(path)
    props = slide.properties
    facts = {
        "name": name,
        "level_dimensions": [list(d) for d in slide.level_dimensions],
        "level_downsamples": list(slide.level_downsamples),
        "bounds": {key: props.get(f"openslide.bounds-{key}") for key in ("x", "y", "width", "height")},
        "settings": [],
    }
    for tile_size, overlap, limit in SETTINGS:
        dz = DeepZoomGenerator(slide, tile_size=tile_size, overlap=overlap, limit_bounds=limit)
        levels = []
        for level in range(dz.level_count):
            columns, rows = dz.level_tiles[level]
            tiles = []
            for column, row in sample_tiles(columns, rows):
                (location, slide_level, size), final = dz._get_tile_info(level, (column, row))
                tiles.append({"address": [column, row], "location": list(location), "slide_level": slide_level,
                              "size": list(size), "tile": list(final)})
            levels.append({"dimensions": list(dz.level_dimensions[level]), "tiles": [columns, rows],
                           "slide_level": dz._slide_from_dz_level[level], "sample": tiles})
        facts["settings"].append({"tile_size": tile_size, "overlap": overlap, "limit_bounds": limit, "levels": levels})
    return facts


def main():
    check_versions()
    candidates = sorted(glob.glob(os.path.join(ROOT, "Fixtures/slides/*.svs")) + glob.glob(os.path.join(ROOT, "Fixtures/slides/*.tiff"))
                        + glob.glob(os.path.join(os.path.dirname(ROOT), "shared/data/wsi/*")))
    cases = []
    for path in candidates:
        if os.path.isdir(path) or openslide.OpenSlide.detect_format(path) is None:
            continue
        try:
            cases.append(describe(path, os.path.basename(path)))
        except openslide.OpenSlideError:
            continue
    out = os.path.join(ROOT, "Fixtures/oracles/deepzoom/expected.json")
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        json.dump({"generator": "scripts/oracles/deepzoom_oracle.py", "versions": PINNED, "cases": cases}, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"{len(cases)} slides -> {out}")


if __name__ == "__main__":
    main()
