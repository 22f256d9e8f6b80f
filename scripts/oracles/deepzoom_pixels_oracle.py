#!/usr/bin/env python3
"""Deep Zoom tile pixels as openslide-python's DeepZoomGenerator makes them, for Arbiter's pyramid pixel tests.

    python scripts/oracles/deepzoom_pixels_oracle.py   # writes Fixtures/oracles/deepzoom/pixels.json and tiles/

First makes Fixtures/slides/vips-jpeg-power-of-two.tiff (a 512 x 768 crop of CMU-1-Small-Region.svs saved by
`vips tiffsave --tile --pyramid`, so its levels halve exactly and are native Deep Zoom levels). Then, for each slide
in SLIDES and each (tile_size, overlap) setting, every tile of every Deep Zoom level is drawn with get_tile():
  - levels that are slide levels pixel for pixel (level downsample equal to the Deep Zoom one, same size): the
    SHA-256 of the tile's RGB bytes (Arbiter's tiles must be identical);
  - other levels (DeepZoomGenerator resamples them with Pillow's Lanczos `thumbnail`): the tiles themselves, as PNG
    under Fixtures/oracles/deepzoom/tiles/, for levels of at most 400 x 400 pixels, and tiles (0, 0) and the centre
    one of larger levels; Arbiter's 2 x 2 box-filtered levels must reach 40 dB PSNR against them.
Versions are pinned in scripts/oracles/deepzoom-pixels-requirements.txt plus vips 8.14.1 (the script refuses others
unless ARBITER_ORACLE_IGNORE_VERSIONS=1).
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys

import openslide
from openslide.deepzoom import DeepZoomGenerator

PINNED = {"openslide-python": "1.4.7", "openslide-bin": "4.0.1.2", "pillow": "13.0.0", "vips": "8.14.1"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared/data/wsi")
POWER_OF_TWO = os.path.join(ROOT, "Fixtures/slides/vips-jpeg-power-of-two.tiff")
SLIDES = [POWER_OF_TWO, os.path.join(SHARED, "CMU-1-Small-Region.svs"), os.path.join(ROOT, "Fixtures/slides/vips-jpeg.tiff"),
          os.path.join(ROOT, "Fixtures/slides/tiny-aperio-jp2k-rgb.svs"), os.path.join(ROOT, "Fixtures/slides/aperio-jpeg-missing-tiles.svs")]
SETTINGS = [(254, 1), (128, 2)]
OUT = os.path.join(ROOT, "Fixtures/oracles/deepzoom")


def check_versions():
    from importlib.metadata import version
    found = {name: version(name) for name in ("openslide-python", "openslide-bin", "pillow")}
    found["vips"] = subprocess.run(["vips", "--version"], capture_output=True, text=True).stdout.strip().removeprefix("vips-").split("-")[0]
    if found != PINNED and not os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS"):
        sys.exit(f"pinned {PINNED}, found {found}")


def make_power_of_two_fixture():
    if os.path.exists(POWER_OF_TWO):
        return
    crop = "/tmp/arbiter-deepzoom-crop.v"
    subprocess.run(["vips", "crop", os.path.join(SHARED, "CMU-1-Small-Region.svs"), crop, "600", "900", "512", "768"], check=True)
    subprocess.run(["vips", "tiffsave", crop, POWER_OF_TWO, "--tile", "--pyramid", "--compression", "jpeg", "--Q", "80",
                    "--tile-width", "256", "--tile-height", "256"], check=True)
    os.remove(crop)


def is_native(slide, dz, level):
    downsample = 2 ** (dz.level_count - 1 - level)
    slide_level = dz._slide_from_dz_level[level]
    return slide.level_downsamples[slide_level] == downsample and slide.level_dimensions[slide_level] == dz.level_dimensions[level]


def describe(path, tile_size, overlap):
    slide = openslide.OpenSlide(path)
    dz = DeepZoomGenerator(slide, tile_size=tile_size, overlap=overlap, limit_bounds=False)
    name = os.path.splitext(os.path.basename(path))[0]
    levels = []
    for level in range(dz.level_count):
        native = is_native(slide, dz, level)
        columns, rows = dz.level_tiles[level]
        width, height = dz.level_dimensions[level]
        sample = {(c, r) for r in range(rows) for c in range(columns)}
        if not native and (width > 400 or height > 400):
            sample = {(0, 0), (columns // 2, rows // 2)}
        tiles = []
        for column, row in sorted(sample, key=lambda a: (a[1], a[0])):
            tile = dz.get_tile(level, (column, row)).convert("RGB")
            entry = {"address": [column, row], "size": list(tile.size)}
            if native:
                entry["sha256"] = hashlib.sha256(tile.tobytes()).hexdigest()
            else:
                relative = f"tiles/{name}-{tile_size}-{overlap}/{level}/{column}_{row}.png"
                os.makedirs(os.path.dirname(os.path.join(OUT, relative)), exist_ok=True)
                tile.save(os.path.join(OUT, relative), optimize=True)
                entry["png"] = relative
            tiles.append(entry)
        levels.append({"level": level, "dimensions": [width, height], "native": native, "tiles": tiles})
    relative_slide = os.path.relpath(path, ROOT) if path.startswith(ROOT) else "../shared/data/wsi/" + os.path.basename(path)
    return {"slide": relative_slide, "tile_size": tile_size, "overlap": overlap, "levels": levels}


def main():
    check_versions()
    make_power_of_two_fixture()
    shutil.rmtree(os.path.join(OUT, "tiles"), ignore_errors=True)
    cases = [describe(path, size, overlap) for path in SLIDES for size, overlap in SETTINGS]
    with open(os.path.join(OUT, "pixels.json"), "w", encoding="utf-8", newline="\n") as handle:
        json.dump({"generator": "scripts/oracles/deepzoom_pixels_oracle.py", "versions": PINNED, "background": "#ffffff",
                   "cases": cases}, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"{len(cases)} cases -> {OUT}/pixels.json")


if __name__ == "__main__":
    main()
