#!/usr/bin/env python3
"""Times openslide-python's read_region on the regions `arbiter-bench slide` reads (same file, same run), in
rounds the benchmark interleaves with its own, so a noisy machine slows both sides alike.

Usage: slide-openslide-reference.py SLIDE REGIONS.json
REGIONS.json is a list of [x, y, width, height] at level 0. The script prints {"openslide": version} and then
answers each line "THREADS START END" on stdin with {"seconds": s}: the time to read regions[START:END] with
THREADS threads. Each thread count has its own OpenSlide (a 32 MiB cache, cold at the first round).
"""
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import openslide


def read(slide, regions, threads, pool):
    start = time.perf_counter()
    if threads == 1:
        for x, y, w, h in regions:
            slide.read_region((x, y), 0, (w, h))
    else:
        list(pool.map(lambda r: slide.read_region((r[0], r[1]), 0, (r[2], r[3])), regions))
    return time.perf_counter() - start


def main():
    path, regions_file = sys.argv[1], sys.argv[2]
    regions = json.load(open(regions_file))
    slides, pools = {}, {}
    print(json.dumps({"openslide": openslide.__library_version__}), flush=True)
    for line in sys.stdin:
        threads, start, end = (int(word) for word in line.split())
        if threads not in slides:
            slides[threads] = openslide.OpenSlide(path)
            pools[threads] = ThreadPoolExecutor(threads) if threads > 1 else None
        seconds = read(slides[threads], regions[start:end], threads, pools[threads])
        print(json.dumps({"seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()
