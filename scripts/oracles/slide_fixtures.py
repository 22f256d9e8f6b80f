#!/usr/bin/env python3
"""Writes the small slide fixtures under Fixtures/slides with third-party writers (tifffile + imagecodecs, libvips,
opj_compress), from a crop of a real Aperio scan. Sizes are deliberately not multiples of the tile size.

Run with the oracle venv:  /work/venv-slides/bin/python scripts/oracles/slide_fixtures.py [--source CMU-1-Small-Region.svs]
"""
import argparse
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import slide_versions  # noqa: E402

slide_versions.check()
import imagecodecs  # noqa: E402
import openslide  # noqa: E402
import tifffile  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Fixtures", "slides")
APERIO_DESCRIPTION = ("Aperio Image Library v12.0.15 \r\n{w}x{h} (240x240) {codec}|AppMag = 20|StripeWidth = 2040"
                      "|ScanScope ID = ARBITER|Filename = fixture|Date = 01/02/26|Time = 10:00:00"
                      "|MPP = 0.4990|Left = 25.691574|Top = 23.449873|Focus Offset = 0.000000")


def source_image(path, width=427, height=301):
    slide = openslide.OpenSlide(path)
    return np.asarray(slide.read_region((800, 1200), 0, (width, height)).convert("RGB"))


def halve(image):
    h, w = image.shape[0] // 2, image.shape[1] // 2
    return image[: h * 2, : w * 2].reshape(h, 2, w, 2, -1).mean(axis=(1, 3)).round().astype(image.dtype).squeeze()


def sixteen_bit(image):
    """16-bit samples whose low byte varies independently of the high byte (so 8-bit conversions differ)."""
    wide = image.astype(np.uint16)
    return (wide << 8) | ((wide * 37 + 11) & 0xFF)


def pyramid(image, count=3):
    levels = [image]
    for _ in range(count - 1):
        levels.append(halve(levels[-1]))
    return levels


def write_tifffile(name, image, subifds=False, **options):
    path = os.path.join(OUT, name)
    levels = pyramid(image)
    with tifffile.TiffWriter(path) as tif:
        if subifds:
            tif.write(levels[0], tile=(128, 128), subifds=len(levels) - 1, metadata=None, **options)
            for level in levels[1:]:
                tif.write(level, tile=(128, 128), subfiletype=1, metadata=None, **options)
        else:
            for index, level in enumerate(levels):
                tif.write(level, tile=(128, 128), subfiletype=1 if index else 0, metadata=None, **options)
    return path


def vips(name, image, *options):
    path = os.path.join(OUT, name)
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "source.png")
        from PIL import Image
        Image.fromarray(image).save(source)
        subprocess.run(["vips", "tiffsave", source, path, "--tile", "--tile-width", "128", "--tile-height", "128",
                        "--pyramid", *options], check=True)
    return path


def padded_tiles(image, tile):
    h, w = image.shape[:2]
    for y in range(0, h, tile):
        for x in range(0, w, tile):
            block = np.zeros((tile, tile) + image.shape[2:], np.uint8)
            part = image[y:y + tile, x:x + tile]
            block[: part.shape[0], : part.shape[1]] = part
            yield block


def ycbcr_tile_j2k(block):
    """Aperio 33003: Y full size, Cb and Cr at half width, no MCT, encoded by opj_compress from raw planes."""
    rgb = block.astype(np.float64)
    y = 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]
    cb = 128 - 0.168736 * rgb[..., 0] - 0.331264 * rgb[..., 1] + 0.5 * rgb[..., 2]
    cr = 128 + 0.5 * rgb[..., 0] - 0.418688 * rgb[..., 1] - 0.081312 * rgb[..., 2]
    planes = [np.clip(np.round(p), 0, 255).astype(np.uint8) for p in (y, cb[:, ::2], cr[:, ::2])]
    h, w = block.shape[:2]
    with tempfile.TemporaryDirectory() as folder:
        raw, j2k = os.path.join(folder, "tile.raw"), os.path.join(folder, "tile.j2k")
        with open(raw, "wb") as f:
            for plane in planes:
                f.write(plane.tobytes())
        subprocess.run(["opj_compress", "-i", raw, "-o", j2k, "-F", f"{w},{h},3,8,u@1x1:2x1:2x1", "-mct", "0",
                        "-r", "12"], check=True, capture_output=True)
        return open(j2k, "rb").read()


def write_aperio(name, image, encode, compression, codec_name, missing=(), count=2):
    """An Aperio-style file: tiled levels (two unless `count`), stripped thumbnail, LZW label (1) and JPEG macro (9)."""
    path = os.path.join(OUT, name)
    levels = pyramid(image, count)
    tile = 240
    with tifffile.TiffWriter(path) as tif:
        for index, level in enumerate(levels):
            h, w = level.shape[:2]
            tiles = [b"" if (index, n) in missing else encode(block)
                     for n, block in enumerate(padded_tiles(level, tile))]
            description = APERIO_DESCRIPTION.format(w=w, h=h, codec=codec_name)
            tif.write(iter(tiles), shape=level.shape, dtype=np.uint8, tile=(tile, tile), compression=compression,
                      photometric="rgb", description=description, subfiletype=1 if index else 0, metadata=None)
            if index == 0:
                thumbnail = halve(halve(level))
                tif.write(thumbnail, description=description, metadata=None, photometric="rgb")
        label = np.full((60, 50, 3), 200, np.uint8)
        label[10:50, 10:40] = (20, 40, 160)
        tif.write(label, compression="lzw", subfiletype=1, description="Aperio Image Library label", metadata=None)
        macro = halve(image)
        tif.write(macro, compression="jpeg", subfiletype=9, description="Aperio Image Library macro", metadata=None)
    return path


def rgba(image):
    h, w = image.shape[:2]
    alpha = np.fromfunction(lambda y, x: (x * 255 // max(w - 1, 1) + y) % 256, (h, w)).astype(np.uint8)
    alpha[:20, :20] = 0
    alpha[-20:, -20:] = 255
    return np.dstack([image, alpha])


# --- Broken files: valid TIFFs with one thing wrong, patched in place. ---

def tag_entry(path, page, code):
    with tifffile.TiffFile(path) as tif:
        tag = tif.pages[page].tags[code]
        return tag.offset, tag.valueoffset, tag.count, tif.pages[page].offset


def patch(path, offset, fmt, value):
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(struct.pack("<" + fmt, value))


def write_broken(image):
    base = os.path.join(OUT, "broken-base.tiff")
    tifffile.imwrite(base, image[:200, :200], tile=(64, 64), compression="jpeg", photometric="rgb", metadata=None)
    tifffile.imwrite(os.path.join(OUT, "tiny-two-levels.tiff"), image[:100, :100], tile=(64, 64), metadata=None)
    data = open(base, "rb").read()
    cases = {}

    cases["bad-truncated.tiff"] = data[: len(data) * 2 // 3]

    def variant(name, edit):
        path = os.path.join(OUT, name)
        open(path, "wb").write(data)
        edit(path)

    def offsets_past_end(path):
        _, value, _, _ = tag_entry(path, 0, 324)
        patch(path, value, "I", len(data) + 1000)
    variant("bad-tile-offset-past-end.tiff", offsets_past_end)

    def huge(path):
        width, _, _, _ = tag_entry(path, 0, 256)
        height, _, _, _ = tag_entry(path, 0, 257)
        patch(path, width + 2, "H", 4)  # LONG
        patch(path, width + 8, "I", 1 << 31)
        patch(path, height + 2, "H", 4)
        patch(path, height + 8, "I", 1 << 31)
    variant("bad-huge-dimensions.tiff", huge)

    def zero_tile(path):
        entry, _, _, _ = tag_entry(path, 0, 322)
        patch(path, entry + 8, "H", 0)
    variant("bad-zero-tile-width.tiff", zero_tile)

    def corrupt_tile(path):
        _, offsets, _, _ = tag_entry(path, 0, 324)
        with open(path, "rb") as f:
            f.seek(offsets)
            first = struct.unpack("<I", f.read(4))[0]
        with open(path, "r+b") as f:
            f.seek(first + 2)
            f.write(b"\x00" * 64)
    variant("bad-corrupt-jpeg-tile.tiff", corrupt_tile)

    for name, content in cases.items():
        open(os.path.join(OUT, name), "wb").write(content)

    loop = os.path.join(OUT, "bad-ifd-loop.tiff")
    tifffile.imwrite(loop, np.stack([image[:64, :64]] * 2), tile=(32, 32), metadata=None)
    with tifffile.TiffFile(loop) as tif:
        first, second = tif.pages[0].offset, tif.pages[1].offset
        count = len(tif.pages[1].tags)
    patch(loop, second + 2 + 12 * count, "I", first)

    tifffile.imwrite(os.path.join(OUT, "bad-float-samples.tiff"), image[:64, :64].astype(np.float32), tile=(32, 32),
                     photometric="rgb", metadata=None)
    tifffile.imwrite(os.path.join(OUT, "bad-stripped.tiff"), image[:64, :64], metadata=None)
    open(os.path.join(OUT, "bad-not-a-tiff.tiff"), "wb").write(b"P6\n4 4\n255\n" + bytes(48))
    os.remove(base)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", default="/work/shared/data/wsi/CMU-1-Small-Region.svs")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    image = source_image(args.source)

    write_tifffile("tifffile-jpeg-rgb.tiff", image, compression="jpeg", photometric="rgb")
    write_tifffile("tifffile-jpeg-ycbcr.tiff", image, compression="jpeg", photometric="ycbcr")
    write_tifffile("tifffile-lzw.tiff", image, compression="lzw", photometric="rgb")
    write_tifffile("tifffile-deflate.tiff", image, compression="zlib", predictor=True, photometric="rgb")
    write_tifffile("tifffile-zstd.tiff", image, compression="zstd", photometric="rgb")
    write_tifffile("tifffile-webp.tiff", image, compression="webp", compressionargs={"level": 90}, photometric="rgb")
    write_tifffile("tifffile-none.tiff", image, photometric="rgb")
    write_tifffile("tifffile-rgba-lzw.tiff", rgba(image), compression="lzw", photometric="rgb", extrasamples=["unassalpha"])
    write_tifffile("tifffile-grey-deflate.tiff", image[..., 1].copy(), compression="zlib", photometric="minisblack")
    write_tifffile("tifffile-grey16-deflate.tiff", sixteen_bit(image[..., 1]), compression="zlib", photometric="minisblack")
    write_tifffile("tifffile-rgb16-lzw.tiff", sixteen_bit(image), compression="lzw", photometric="rgb")
    write_tifffile("tifffile-jpeg2000.tiff", image, compression="jpeg2000", photometric="rgb")
    write_tifffile("tifffile-subifd-deflate.tiff", image, subifds=True, compression="zlib", photometric="rgb")

    vips("vips-jpeg.tiff", image, "--compression", "jpeg", "--Q", "85")
    vips("vips-jp2k.tiff", image, "--compression", "jp2k", "--Q", "80")
    vips("vips-webp.tiff", image, "--compression", "webp", "--Q", "85")
    vips("vips-zstd.tiff", image, "--compression", "zstd")
    vips("vips-subifd-jpeg.tiff", image, "--compression", "jpeg", "--subifd")

    write_aperio("aperio-jp2k-rgb.svs", image,
                 lambda block: imagecodecs.jpeg2k_encode(block, 80, codecformat="J2K", mct=True),
                 33005, "J2K/KDU Q=70")
    write_aperio("aperio-jp2k-ycbcr.svs", image, ycbcr_tile_j2k, 33003, "J2K/YUV16 Q=70")
    write_aperio("aperio-jpeg-missing-tiles.svs", image,
                 lambda block: imagecodecs.jpeg8_encode(block, 80), "jpeg", "JPEG/RGB Q=80",
                 missing={(0, 1), (1, 0)})
    # Downsamples exactly 2 and 4: cairo redraws with its bilinear filter, and level 2 from level 1's redrawn tile.
    write_aperio("aperio-jpeg-missing-tiles-halves.svs", image[:300, :424].copy(),
                 lambda block: imagecodecs.jpeg8_encode(block, 80), "jpeg", "JPEG/RGB Q=80",
                 missing={(0, 3), (1, 0), (2, 0)}, count=3)
    # Tiny copies (one tile per level) that also seed the fuzzer, whose inputs are capped at 120 kB.
    tiny = image[:100, :130].copy()
    write_aperio("tiny-aperio-jp2k-rgb.svs", tiny,
                 lambda block: imagecodecs.jpeg2k_encode(block, 60, codecformat="J2K", mct=True), 33005, "J2K/KDU Q=70")
    write_aperio("tiny-aperio-jp2k-ycbcr.svs", tiny, ycbcr_tile_j2k, 33003, "J2K/YUV16 Q=70")
    write_tifffile("tiny-tifffile-webp.tiff", tiny, compression="webp", compressionargs={"level": 60}, photometric="rgb")
    write_tifffile("tiny-tifffile-jpeg2000.tiff", tiny, compression="jpeg2000", photometric="rgb")
    write_broken(image)
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {len(os.listdir(OUT))} files, {total / 1e6:.1f} MB, to {OUT}")


if __name__ == "__main__":
    main()
