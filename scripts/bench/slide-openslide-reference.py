#!/usr/bin/env python3
"""Times openslide-python's read_region on the regions `arbiter-bench slide` reads (same file, same run).

Usage: slide-openslide-reference.py SLIDE REGIONS.json  ->  prints {"seconds": {"1": s, "2": s}}
REGIONS.json is a list of [x, y, width, height] at level 0. A fresh OpenSlide (cold 32 MiB cache) per thread count.
"""
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import openslide


def run(path, regions, threads):
    slide = openslide.OpenSlide(path)
    start = time.perf_counter()
    if threads == 1:
        for x, y, w, h in regions:
            slide.read_region((x, y), 0, (w, h))
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda r: slide.read_region((r[0], r[1]), 0, (r[2], r[3])), regions))
    return time.perf_counter() - start


def main():
    path, regions_file = sys.argv[1], sys.argv[2]
    regions = json.load(open(regions_file))
    print(json.dumps({"openslide": openslide.__library_version__,
                      "seconds": {str(t): run(path, regions, t) for t in (1, 2)}}))


if __name__ == "__main__":
    main()
