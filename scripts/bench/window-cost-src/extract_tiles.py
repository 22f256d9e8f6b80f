#!/usr/bin/env python3
"""Writes 200 random level-0 tiles of a tiled TIFF (and its JPEGTables, if any) for window-cost.c:
a uint32 table length, the tables, then (uint32 length, bytes) per tile.

  extract_tiles.py SLIDE OUT
"""
import random
import struct
import sys

import tifffile

page = tifffile.TiffFile(sys.argv[1]).pages[0]
handle = page.parent.filehandle
random.seed(1)
with open(sys.argv[2], "wb") as out:
    tables = page.jpegtables or b""
    out.write(struct.pack("<I", len(tables)) + tables)
    for index in random.sample(range(len(page.dataoffsets)), 200):
        handle.seek(page.dataoffsets[index])
        data = handle.read(page.databytecounts[index])
        out.write(struct.pack("<I", len(data)) + data)
