#!/usr/bin/env python3
"""Writes two large slides for `arbiter-bench slide` (not committed; about 20,000 x 20,000 pixels each) by tiling the
level 0 of a real scan (at most 2220 x 2967 of it): a libvips JPEG pyramid (256 x 256 tiles) and an Aperio-style JPEG
2000 file (33005, 240 x 240 tiles, encoded by imagecodecs/OpenJPEG) that OpenSlide opens. The default source is the
repository's crop of CMU-1-Small-Region.svs (Fixtures/slides/vips-jpeg.tiff); --source takes any slide OpenSlide opens.

  .venv-slides/bin/python scripts/bench/slide-make-benchmark-slides.py [--out DIR] [--source SLIDE]
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "oracles"))
import slide_versions  # noqa: E402

slide_versions.check()
import imagecodecs  # noqa: E402
import openslide  # noqa: E402
import tifffile  # noqa: E402
from PIL import Image  # noqa: E402


def mosaic(source, width, height):
    """The source scan repeated, every other copy mirrored, so tiles differ without seams of black."""
    scan = openslide.OpenSlide(source)
    size = (min(scan.dimensions[0], 2220), min(scan.dimensions[1], 2967))
    base = np.asarray(scan.read_region((0, 0), 0, size).convert("RGB"))
    out = np.empty((height, width, 3), np.uint8)
    for y in range(0, height, base.shape[0]):
        for x in range(0, width, base.shape[1]):
            block = base[:, ::-1] if (x // base.shape[1] + y // base.shape[0]) % 2 else base
            part = block[: height - y, : width - x]
            out[y:y + part.shape[0], x:x + part.shape[1]] = part
    return out


def jpeg_slide(image, path):
    png = path + ".png"
    Image.fromarray(image).save(png, compress_level=1)
    subprocess.run(["vips", "tiffsave", png, path, "--tile", "--tile-width", "256", "--tile-height", "256",
                    "--pyramid", "--compression", "jpeg", "--Q", "80"], check=True)
    os.remove(png)


def jpeg2000_slide(image, path, tile=240):
    h, w = image.shape[:2]
    description = (f"Aperio Image Library v12.0.15 \r\n{w}x{h} (240x240) J2K/KDU Q=70|AppMag = 20|MPP = 0.4990")

    def tiles(level):
        for y in range(0, level.shape[0], tile):
            for x in range(0, level.shape[1], tile):
                block = np.zeros((tile, tile, 3), np.uint8)
                part = level[y:y + tile, x:x + tile]
                block[: part.shape[0], : part.shape[1]] = part
                yield imagecodecs.jpeg2k_encode(block, 70, codecformat="J2K", mct=True)

    with tifffile.TiffWriter(path, bigtiff=True) as tif:
        level = image
        for index in range(3):
            tif.write(tiles(level), shape=level.shape, dtype=np.uint8, tile=(tile, tile), compression=33005,
                      photometric="rgb", description=description, subfiletype=1 if index else 0, metadata=None)
            if index == 0:
                tif.write(level[::32, ::32].copy(), description=description, photometric="rgb", metadata=None)
            level = level[::4, ::4].copy()


def main():
    parser = argparse.ArgumentParser()
    repository = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "arbiter-bench-data"))
    parser.add_argument("--source", default=os.path.join(repository, "Fixtures", "slides", "vips-jpeg.tiff"))
    parser.add_argument("--size", type=int, default=20480)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    image = mosaic(args.source, args.size, args.size)
    jpeg_slide(image, os.path.join(args.out, "benchmark-jpeg.tiff"))
    jpeg2000_slide(image, os.path.join(args.out, "benchmark-jp2k.svs"))
    for name in ("benchmark-jpeg.tiff", "benchmark-jp2k.svs"):
        slide = openslide.OpenSlide(os.path.join(args.out, name))
        print(name, slide.properties["openslide.vendor"], slide.level_dimensions[0],
              f"{os.path.getsize(os.path.join(args.out, name)) / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
