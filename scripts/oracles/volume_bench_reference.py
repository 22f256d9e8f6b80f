#!/usr/bin/env python3
# Reference timing for Arbiter's NIfTI reader: how long nibabel takes to load a
# .nii.gz into float32, so the Swift benchmark has a number to compare with.
# Same venv as volume_oracle.py (scripts/oracles/volume-requirements.txt);
# other versions only produce a warning here, since timings are not oracles.
"""Time nibabel loading a .nii.gz, or make the deterministic benchmark phantom.

Usage:
    python scripts/oracles/volume_bench_reference.py --make /tmp/phantom.nii.gz
    python scripts/oracles/volume_bench_reference.py /tmp/phantom.nii.gz --repeat 5

--make PATH writes a 512 x 512 x 300 int16 T1-like head phantom (smooth tissue
compartments, a bias field and Gaussian noise, 0.5 x 0.5 x 0.6 mm) as gzip
NIfTI-1.  About 150 MB of voxels, so it is generated on demand and never
committed: write it wherever you like (e.g. /tmp).  Same numpy + zlib give the
same bytes; the printed JSON carries sha256 of the voxel data to check that.

Timing mode runs `nib.load(path).get_fdata(dtype=np.float32)` --repeat times,
a fresh load each time (no proxy or cache reuse), and prints
{"tool": "nibabel", "version": ..., "median_seconds": ..., "runs": [...]}.
"""

import argparse
import hashlib
import importlib.metadata
import json
import os
import statistics
import sys
import time

import numpy as np
import nibabel as nib

SHAPE = (512, 512, 300)  # x, y, z
ZOOMS = (0.5, 0.5, 0.6)
SEED = 20240512
REQUIREMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "volume-requirements.txt")


def warn_if_unpinned():
    pins = {}
    with open(REQUIREMENTS, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                name, version = line.split("==", 1)
                pins[name.strip()] = version.strip()
    for name in ("nibabel", "numpy"):
        actual = importlib.metadata.version(name)
        if pins.get(name) != actual:
            print(f"WARNING: {name} {actual} is not the pinned {pins.get(name)}", file=sys.stderr)


# ---------------------------------------------------------------------
# Phantom
# ---------------------------------------------------------------------
def phantom_slice(z, xx, yy, rng):
    """One axial slice (x, y) of T1-like intensities.

    Nested, gently wobbling ellipsoids give scalp (bright fat), skull (dark),
    CSF, folded grey matter, white matter and ventricles; a smooth multiplicative
    bias field and Gaussian noise make it compress like a real scan (neither
    all-zero nor incompressible).  Background is Rician-like positive noise.
    """
    zz = (z - SHAPE[2] / 2) / (SHAPE[2] / 2)  # -1 .. 1
    angle = np.arctan2(yy, xx)
    # radius of the head along this direction, squashed top and bottom
    r = np.sqrt((xx / 0.80) ** 2 + (yy / 0.92) ** 2 + (zz / 0.85) ** 2)
    folds = 0.025 * np.sin(9 * angle + 5 * zz) * np.cos(7 * zz + 3 * angle)
    img = np.zeros(xx.shape, np.float32)
    img[r < 1.00] = 650.0  # scalp
    img[r < 0.95] = 120.0  # skull
    img[r < 0.90] = 260.0  # CSF
    img[r < 0.87 + folds] = 720.0  # grey matter with gyri
    img[r < 0.74 + folds] = 1050.0  # white matter
    vent = np.sqrt(((np.abs(xx) - 0.10) / 0.08) ** 2 + (yy / 0.28) ** 2 + ((zz - 0.05) / 0.25) ** 2)
    img[vent < 1.0] = 260.0  # lateral ventricles
    lesion = np.sqrt((xx - 0.3) ** 2 + (yy + 0.2) ** 2 + (zz - 0.2) ** 2)
    img[lesion < 0.06] = 1400.0  # one bright lesion
    bias = 1.0 + 0.12 * np.sin(1.3 * xx + 0.7) * np.cos(1.1 * yy - 0.4 * zz)
    img *= bias
    noise = rng.standard_normal(xx.shape, dtype=np.float32) * 18.0
    inside = img > 0
    img[inside] += noise[inside]
    img[~inside] = np.abs(noise[~inside]) * 0.6  # Rician-like background
    return np.clip(np.rint(img), -32768, 32767).astype(np.int16)


def make_phantom(path):
    rng = np.random.Generator(np.random.PCG64(SEED))
    x = (np.arange(SHAPE[0], dtype=np.float32) - SHAPE[0] / 2) / (SHAPE[0] / 2)
    y = (np.arange(SHAPE[1], dtype=np.float32) - SHAPE[1] / 2) / (SHAPE[1] / 2)
    xx, yy = np.meshgrid(x, y, indexing="ij")  # (x, y)
    data = np.empty(SHAPE, dtype=np.int16, order="F")
    for z in range(SHAPE[2]):
        data[:, :, z] = phantom_slice(z, xx, yy, rng)
    affine = np.diag(ZOOMS + (1.0,))
    affine[:3, 3] = [-(n - 1) * d / 2 for n, d in zip(SHAPE, ZOOMS)]  # centred
    img = nib.Nifti1Image(data, affine)
    img.header.set_data_dtype(np.int16)
    img.header.set_xyzt_units("mm", "sec")
    img.set_qform(affine, code=1)
    img.set_sform(affine, code=1)
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    img.to_filename(path)
    return {
        "made": path,
        "shape": list(SHAPE),
        "datatype": "int16",
        "bytes": os.path.getsize(path),
        "seed": SEED,
        "sha256_raw": hashlib.sha256(data.astype("<i2").tobytes(order="F")).hexdigest(),
        "min": int(data.min()),
        "max": int(data.max()),
    }


# ---------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------
def time_loads(path, repeat):
    runs = []
    shape = None
    for _ in range(repeat):
        start = time.perf_counter()
        data = nib.load(path).get_fdata(dtype=np.float32)  # fresh load each time
        runs.append(time.perf_counter() - start)
        shape = list(data.shape)
        del data
    return {
        "tool": "nibabel",
        "version": nib.__version__,
        "numpy": np.__version__,
        "path": path,
        "shape": shape,
        "median_seconds": statistics.median(runs),
        "runs": runs,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", help=".nii.gz file to load and time")
    parser.add_argument("--repeat", type=int, default=5, help="number of timed loads (default 5)")
    parser.add_argument("--make", metavar="PATH", help="write the 512x512x300 int16 phantom to PATH and exit")
    args = parser.parse_args()
    warn_if_unpinned()
    if args.make:
        print(json.dumps(make_phantom(args.make)))
        return
    if not args.path:
        parser.error("give a .nii.gz path to time, or --make PATH")
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    print(json.dumps(time_loads(args.path, args.repeat)))


if __name__ == "__main__":
    main()
