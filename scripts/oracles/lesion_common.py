# Shared helpers for the lesion-scoring oracles (issue 6):
#   scripts/oracles/lesion_froc_oracle.py
#   scripts/oracles/lesion_picai_oracle.py
#   scripts/oracles/lesion_segmentation_oracle.py
#   scripts/bench/lesion-reference-picai.py, scripts/bench/lesion-reference-froc.py
#
# Version pins live in scripts/oracles/lesion-requirements.txt; `check_versions`
# refuses to run with anything else unless ARBITER_ORACLE_IGNORE_VERSIONS=1.
"""Version checks, deterministic JSON, PNG and NIfTI writers for the lesion oracles."""

import importlib.metadata
import json
import math
import os
import struct
import sys
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REQUIREMENTS = os.path.join(REPO, "scripts", "oracles", "lesion-requirements.txt")

# the packages whose exact version decides the numbers we write
CHECKED = ["picai_eval", "report_guided_annotation", "numpy", "scipy",
           "scikit-learn", "scikit-image", "SimpleITK"]


def read_pins(path=REQUIREMENTS):
    pins = {}
    with open(path) as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                name, version = line.split("==", 1)
                pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def check_versions(names=CHECKED):
    """Return {package: version}; exit unless they match the pins exactly."""
    pins = read_pins()
    actual, pinned = {}, {}
    for name in names:
        key = name.lower().replace("_", "-")
        try:
            actual[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            actual[name] = None
        pinned[name] = pins.get(key)
    if actual != pinned:
        msg = f"version mismatch: pinned {pinned}, running {actual}"
        if os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") == "1":
            print("WARNING: " + msg, file=sys.stderr)
        else:
            sys.exit(msg + "\n(set ARBITER_ORACLE_IGNORE_VERSIONS=1 to run anyway)")
    actual["python"] = "%d.%d.%d" % sys.version_info[:3]
    return actual


# ---------------------------------------------------------------------------
# JSON: floats written with repr() (shortest round-trip), NaN/inf as null.
# Wherever a value can be NaN the caller also writes a flag next to it.
# ---------------------------------------------------------------------------
def jsonable(x):
    import numpy as np
    if isinstance(x, dict):
        return {str(k): jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [jsonable(v) for v in x]
    if isinstance(x, np.ndarray):
        return [jsonable(v) for v in x.tolist()]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        v = float(x)
        return None if (math.isnan(v) or math.isinf(v)) else v
    return x


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = json.dumps(jsonable(obj), indent=1, sort_keys=False, allow_nan=False)
    with open(path, "w") as fh:
        fh.write(text + "\n")


def nan_flag(x):
    """(value-or-None, is_nan) for the JSON convention 'NaN as null with a flag'."""
    v = float(x)
    return (None if math.isnan(v) else v), bool(math.isnan(v))


# ---------------------------------------------------------------------------
# 8-bit grayscale PNG, written by hand so the bytes never depend on a library
# version (no timestamps, zlib level 9, filter 0 on every row).
# ---------------------------------------------------------------------------
def write_png_gray8(path, array):
    import numpy as np
    a = np.ascontiguousarray(array, dtype=np.uint8)
    h, w = a.shape
    raw = b"".join(b"\x00" + a[r].tobytes() for r in range(h))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(png)


def write_nifti(path, array_zyx, spacing_xyz, dtype):
    """Write a (z, y, x) numpy array as .nii.gz with SimpleITK (origin 0, identity direction)."""
    import numpy as np
    import SimpleITK as sitk
    img = sitk.GetImageFromArray(np.ascontiguousarray(array_zyx, dtype=dtype))
    img.SetSpacing(tuple(float(s) for s in spacing_xyz))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    sitk.WriteImage(img, path, useCompression=True)


def rel(path):
    return os.path.relpath(path, REPO)


class SplitMix64:
    """The benchmark generators' PRNG, simple enough to re-implement in Swift.

    state += 0x9E3779B97F4A7C15; z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
    return z ^ (z >> 31)          -- all arithmetic modulo 2^64
    """

    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed & self.MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def below(self, n):
        """next() % n (the tiny modulo bias is part of the definition)."""
        return self.next() % n

    def between(self, lo, hi):
        """Integer in [lo, hi] inclusive: lo + next() % (hi - lo + 1)."""
        return lo + self.next() % (hi - lo + 1)
