"""Pinned versions of the third-party tools that write slide fixtures and compute expected values.

Importing this module refuses other versions unless ARBITER_ORACLE_IGNORE_VERSIONS=1.
"""
import os
import subprocess
import sys

PINNED = {
    "openslide-python": "1.4.7",
    "openslide-bin": "4.0.1.2",
    "tifffile": "2026.3.3",
    "imagecodecs": "2026.3.6",
    "numpy": "2.4.6",
    "pillow": "13.0.0",
    "vips": "8.14.1",
    "opj_compress": "2.5.0",
}


def installed():
    from importlib.metadata import version
    found = {name: version(name) for name in
             ("openslide-python", "openslide-bin", "tifffile", "imagecodecs", "numpy", "pillow")}
    vips = subprocess.run(["vips", "--version"], capture_output=True, text=True).stdout.strip()
    found["vips"] = vips.removeprefix("vips-").split("-")[0]
    opj = subprocess.run(["opj_compress", "-h"], capture_output=True, text=True).stdout
    found["opj_compress"] = next((line.split(" v")[-1].rstrip(".") for line in opj.splitlines()
                                  if "compiled against openjp2 library" in line), "?")
    return found


def check():
    found = installed()
    wrong = {k: (found.get(k), v) for k, v in PINNED.items() if found.get(k) != v}
    if wrong and os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") != "1":
        for name, (have, want) in wrong.items():
            print(f"{name}: found {have}, pinned {want}", file=sys.stderr)
        sys.exit("refusing to run with unpinned versions (set ARBITER_ORACLE_IGNORE_VERSIONS=1 to override)")
    return found


if __name__ == "__main__":
    print(check())
