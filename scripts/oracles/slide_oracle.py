#!/usr/bin/env python3
"""Expected levels, properties, associated images and region hashes for the slide parity tests.

OpenSlide (openslide-python + openslide-bin) is the oracle wherever it opens a file; tifffile (+ imagecodecs) where
it refuses one (JPEG 2000 as 33004/34712, WebP) or ignores its SubIFD pyramid. Writes
Fixtures/oracles/slides/expected.json, plus PNGs of the regions OpenSlide resamples (fractional placements).

Run with the oracle venv:  /work/venv-slides/bin/python scripts/oracles/slide_oracle.py
"""
import hashlib
import json
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import slide_versions  # noqa: E402

TOOLS = slide_versions.check()
import openslide  # noqa: E402
import tifffile  # noqa: E402
from PIL import Image  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Fixtures", "oracles", "slides")
SHARED = "/work/shared/data/wsi"

OPENSLIDE_CASES = [
    f"{SHARED}/CMU-1-Small-Region.svs", f"{SHARED}/small.svs", f"{SHARED}/boxes.tiff",
    "Fixtures/slides/aperio-jp2k-rgb.svs", "Fixtures/slides/aperio-jp2k-ycbcr.svs",
    "Fixtures/slides/aperio-jpeg-missing-tiles.svs", "Fixtures/slides/aperio-jpeg-missing-tiles-halves.svs",
    "Fixtures/slides/tifffile-jpeg-rgb.tiff", "Fixtures/slides/tifffile-jpeg-ycbcr.tiff",
    "Fixtures/slides/tifffile-lzw.tiff", "Fixtures/slides/tifffile-deflate.tiff", "Fixtures/slides/tifffile-zstd.tiff",
    "Fixtures/slides/tifffile-none.tiff", "Fixtures/slides/tifffile-rgba-lzw.tiff",
    "Fixtures/slides/tifffile-grey-deflate.tiff", "Fixtures/slides/tifffile-grey16-deflate.tiff",
    "Fixtures/slides/tifffile-rgb16-lzw.tiff", "Fixtures/slides/vips-jpeg.tiff", "Fixtures/slides/vips-zstd.tiff",
    "Fixtures/slides/tiny-two-levels.tiff", "Fixtures/slides/tiny-aperio-jp2k-rgb.svs",
    "Fixtures/slides/tiny-aperio-jp2k-ycbcr.svs",
]
TIFFFILE_CASES = {
    "Fixtures/slides/tifffile-jpeg2000.tiff": "generic-tiff", "Fixtures/slides/vips-jp2k.tiff": "generic-tiff",
    "Fixtures/slides/tifffile-webp.tiff": "generic-tiff", "Fixtures/slides/vips-webp.tiff": "generic-tiff",
    "Fixtures/slides/tiny-tifffile-webp.tiff": "generic-tiff", "Fixtures/slides/tiny-tifffile-jpeg2000.tiff": "generic-tiff",
    "Fixtures/slides/tifffile-subifd-deflate.tiff": "subifd-tiff", "Fixtures/slides/vips-subifd-jpeg.tiff": "subifd-tiff",
}


def sha256(pixels):
    return hashlib.sha256(np.ascontiguousarray(pixels, dtype=np.uint8).tobytes()).hexdigest()


def pixel_exact(coordinate, downsample):
    """Whether cairo copies (rather than resamples) tiles for this level-0 coordinate: OpenSlide places tiles at
    -(coordinate / downsample) modulo whole pixels, and cairo treats placements within 1/512 pixel as exact."""
    if coordinate <= 0:
        return True
    fraction = (coordinate / downsample) % 1
    return round(fraction * 256) % 256 == 0


def regions_for(levels):
    """(x, y, level, width, height) per level: past the bottom-right edge, before the top-left corner, across interior
    tile boundaries, on the bottom-right corner, and (levels > 0) at an arbitrary level-0 point."""
    result = []
    for index, (w, h, ds) in enumerate(levels):
        big = w * h > 1_000_000
        result.append((0, 0, index, min(w + 13, 640) if big else w + 13, min(h + 9, 480) if big else h + 9))
        result.append((-round(37 * ds), -round(21 * ds), index, 150, 120))
        result.append((math.floor(round(w * 0.3) * ds), math.floor(round(h * 0.4) * ds), index, 200, 150))
        result.append((math.floor((w - 100) * ds), math.floor((h - 80) * ds), index, 160, 130))
        if index > 0:
            result.append((13, 7, index, 120, 90))
    return result


def region_entry(name, region, pixels, downsample, exact_required):
    x, y, level, width, height = region
    entry = {"x": x, "y": y, "level": level, "width": width, "height": height, "sha256": sha256(pixels),
             "exact": pixel_exact(x, downsample) and pixel_exact(y, downsample)}
    if not entry["exact"]:
        if exact_required:
            return None
        png = f"{name}-L{level}-{x}-{y}-{width}x{height}.png"
        Image.fromarray(pixels, "RGBA").save(os.path.join(OUT, png))
        entry["png"] = png
    return entry


def display(path):
    """Shared real slides are recorded relative to the repository (../shared/data/wsi/...)."""
    return os.path.relpath(path, ROOT) if path.startswith("/") else path


def openslide_case(path):
    slide = openslide.OpenSlide(os.path.join(ROOT, path) if not path.startswith("/") else path)
    name = os.path.splitext(os.path.basename(path))[0]
    levels = [(w, h, slide.level_downsamples[i]) for i, (w, h) in enumerate(slide.level_dimensions)]
    props = dict(slide.properties)
    case = {
        "name": name, "path": display(path), "oracle": f"openslide {openslide.__library_version__}",
        "vendor": props["openslide.vendor"],
        "levels": [{"width": w, "height": h, "downsample": ds,
                    "tileWidth": int(props[f"openslide.level[{i}].tile-width"]),
                    "tileHeight": int(props[f"openslide.level[{i}].tile-height"])} for i, (w, h, ds) in enumerate(levels)],
        "properties": props,
        "associated": [{"name": key, "width": image.width, "height": image.height,
                        "sha256": sha256(np.asarray(image.convert("RGBA")))}
                       for key, image in sorted(slide.associated_images.items())],
        "regions": [],
    }
    for region in regions_for(levels):
        x, y, level, width, height = region
        pixels = np.asarray(slide.read_region((x, y), level, (width, height)))
        case["regions"].append(region_entry(name, region, pixels, levels[level][2], exact_required=False))
    return case


def tifffile_levels(tif, vendor):
    if vendor == "subifd-tiff":
        pages = [tif.pages[0]] + list(tif.pages[0].pages)
    else:
        pages = [p for i, p in enumerate(tif.pages) if p.is_tiled and (i == 0 or p.subfiletype & 1)]
    return sorted(pages, key=lambda p: -p.imagewidth)


def tifffile_region(level_pixels, x0, y0, width, height):
    """OpenSlide semantics at a whole-pixel placement: RGBA, transparent outside the level."""
    h, w = level_pixels.shape[:2]
    out = np.zeros((height, width, 4), np.uint8)
    sx0, sy0 = max(x0, 0), max(y0, 0)
    sx1, sy1 = min(x0 + width, w), min(y0 + height, h)
    if sx0 < sx1 and sy0 < sy1:
        block = level_pixels[sy0:sy1, sx0:sx1]
        if block.ndim == 2:
            block = np.dstack([block] * 3)
        out[sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0, :3] = block[..., :3]
        out[sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0, 3] = block[..., 3] if block.shape[2] == 4 else 255
    return out


def level_origin(coordinate, downsample):
    """Where OpenSlide's region starts in the level for an exact placement (negative: shifted by whole pixels)."""
    if coordinate < 0:
        return -int(-coordinate / downsample)
    return round(coordinate / downsample)


def tifffile_case(path, vendor):
    name = os.path.splitext(os.path.basename(path))[0]
    with tifffile.TiffFile(os.path.join(ROOT, path)) as tif:
        pages = tifffile_levels(tif, vendor)
        w0, h0 = pages[0].imagewidth, pages[0].imagelength
        levels = [(p.imagewidth, p.imagelength, 1.0 if i == 0 else (h0 / p.imagelength + w0 / p.imagewidth) / 2)
                  for i, p in enumerate(pages)]
        arrays = [p.asarray() for p in pages]
    case = {
        "name": name, "path": path, "oracle": f"tifffile {tifffile.__version__} + imagecodecs", "vendor": vendor,
        "levels": [{"width": w, "height": h, "downsample": ds, "tileWidth": p.tilewidth, "tileHeight": p.tilelength}
                   for (w, h, ds), p in zip(levels, pages)],
        "properties": None, "associated": [], "regions": [],
    }
    for region in regions_for(levels):
        x, y, level, width, height = region
        ds = levels[level][2]
        pixels = tifffile_region(arrays[level], level_origin(x, ds), level_origin(y, ds), width, height)
        entry = region_entry(name, region, pixels, ds, exact_required=True)
        if entry:
            case["regions"].append(entry)
    if vendor == "subifd-tiff":
        # OpenSlide reads IFD 0 of these files: its level-0 pixels must agree with tifffile's.
        slide = openslide.OpenSlide(os.path.join(ROOT, path))
        for entry in case["regions"]:
            if entry["level"] == 0:
                got = np.asarray(slide.read_region((entry["x"], entry["y"]), 0, (entry["width"], entry["height"])))
                assert sha256(got) == entry["sha256"], f"{path}: OpenSlide and tifffile disagree on level 0"
        case["oracle"] += f"; level 0 also checked against openslide {openslide.__library_version__}"
    return case


def main():
    os.makedirs(OUT, exist_ok=True)
    for stale in os.listdir(OUT):
        if stale.endswith(".png"):
            os.remove(os.path.join(OUT, stale))
    cases = [openslide_case(p) for p in OPENSLIDE_CASES if p.startswith("Fixtures") or os.path.exists(p)]
    cases += [tifffile_case(p, v) for p, v in TIFFFILE_CASES.items()]
    document = {"tools": TOOLS, "generator": "scripts/oracles/slide_oracle.py", "cases": cases}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(document, f, indent=1, sort_keys=True)
    count = sum(len(c["regions"]) for c in cases)
    print(f"{len(cases)} cases, {count} regions -> {OUT}/expected.json")


if __name__ == "__main__":
    main()
