#!/usr/bin/env python3
# Reference oracle for Arbiter's NIfTI / MetaImage volume reader.
#
# PINNED VERSIONS (exactly what produced the committed files): see
# scripts/oracles/volume-requirements.txt (nibabel, SimpleITK, numpy; Python
# 3.11.7 recorded there as a comment).  The script aborts on any other version
# of the three pinned packages unless ARBITER_ORACLE_IGNORE_VERSIONS=1 is set
# (then review the diff of everything it rewrites).
"""Make the volume fixtures and the values the Swift reader must reproduce.

Usage (from anywhere):
    /path/to/venv/bin/python scripts/oracles/volume_oracle.py

It (re)creates, deleting whatever was there before (all of it is generated):
  Fixtures/volumes/nibabel/    real files copied from nibabel's own test data
                               (MIT licence) and the shared MNI template
  Fixtures/volumes/nifti/      small NIfTI-1/-2 files written here with nibabel,
                               one per datatype / header feature
  Fixtures/volumes/metaimage/  small MetaImage files written here with
                               SimpleITK, plus a few hand-written headers
  Fixtures/volumes/README.md   what each folder holds and where it came from
  Fixtures/oracles/volumes/expected.json
                               one object per volume, computed by reading the
                               files back with nibabel / SimpleITK

Why read back instead of trusting what we wrote: the oracle must describe what
the reference tool *sees in the file* (float32 header fields, rounded
quaternions, text-printed direction cosines), not what we asked it to write.

Deterministic: fixed seeds (zlib.crc32 of each file name), gzip mtime 0
(nibabel), zlib (SimpleITK); running it twice gives identical bytes.
"""

import hashlib
import importlib.metadata
import json
import os
import shutil
import struct
import sys
import zlib

import numpy as np
import nibabel as nib
import SimpleITK as sitk

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
REQUIREMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "volume-requirements.txt")
PINNED_PACKAGES = ("nibabel", "SimpleITK", "numpy")


# =====================================================================
# Version pinning
# =====================================================================
def read_pins(path):
    """name -> version for every `name==version` line of a requirements file."""
    pins = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                name, version = line.split("==", 1)
                pins[name.strip()] = version.strip()
    return pins


def check_versions():
    pins = read_pins(REQUIREMENTS)
    pinned = {name: pins.get(name) for name in PINNED_PACKAGES}
    actual = {name: importlib.metadata.version(name) for name in PINNED_PACKAGES}
    if actual != pinned:
        msg = f"version mismatch: pinned {pinned}, running {actual}"
        if os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") == "1":
            print("WARNING: " + msg, file=sys.stderr)
        else:
            sys.exit(msg + "\n(set ARBITER_ORACLE_IGNORE_VERSIONS=1 to run anyway)")
    return actual


VERSIONS = check_versions()
PYTHON_VERSION = "%d.%d.%d" % sys.version_info[:3]

# =====================================================================
# Layout and limits
# =====================================================================
NIBABEL_DIR = "Fixtures/volumes/nibabel"
NIFTI_DIR = "Fixtures/volumes/nifti"
META_DIR = "Fixtures/volumes/metaimage"
ORACLE_PATH = "Fixtures/oracles/volumes/expected.json"

NIBABEL_TEST_DATA = os.path.join(os.path.dirname(nib.__file__), "tests", "data")
NIBABEL_COPIES = ["example4d.nii.gz", "anatomical.nii", "functional.nii", "example_nifti2.nii.gz"]
COPY_LIMIT = 3 * 1024 * 1024  # the brief: above ~3 MB, report instead of copying
SHARED_MNI = "/work/shared/data/mri/avg152T1_LR_nifti.nii.gz"
SHARED_COPY_LIMIT = 1024 * 1024  # copy the shared template only when under 1 MB
GENERATED_LIMIT = 50 * 1024  # every file this script writes itself stays small

NIFTI_SHAPE = (7, 5, 3)  # x, y, z: non-cubic, odd, so axis-order bugs show
META_SIZE = (6, 4, 3)  # SimpleITK GetSize() order x, y, z
META_ARRAY_SHAPE = META_SIZE[::-1]  # numpy arrays from/to SimpleITK are z, y, x


def abspath(rel):
    return os.path.join(REPO_ROOT, rel)


def rng_for(name):
    """A generator seeded from the file name, so adding a fixture does not
    change the data of the others."""
    return np.random.Generator(np.random.PCG64(zlib.crc32(name.encode("ascii"))))


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def reset_dir(rel):
    """Generated folders are recreated from scratch so renamed fixtures leave
    no stale files behind (idempotence)."""
    path = abspath(rel)
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)


# =====================================================================
# Geometry helpers (our own; plain linear algebra)
# =====================================================================
def rotation(axis, degrees):
    """Proper rotation matrix about `axis` by `degrees` (Rodrigues' formula)."""
    k = np.asarray(axis, dtype=np.float64)
    k = k / np.linalg.norm(k)
    t = np.deg2rad(degrees)
    K = np.array([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]])
    return np.eye(3) + np.sin(t) * K + (1 - np.cos(t)) * (K @ K)


def affine(linear, translation):
    out = np.eye(4)
    out[:3, :3] = linear
    out[:3, 3] = translation
    return out


ZOOMS = (1.5, 2.0, 3.0)
# sform: rotation x scaling x a small shear (sform may be any affine; a reader
# must not assume the columns are orthogonal).  Spacing still comes from pixdim.
SFORM_SHEARED = affine(
    rotation((1, 2, 3), 25) @ np.array([[1.5, 0.2, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 3.0]]),
    (-10.5, 20.25, -7.75),
)
SFORM_ROTATED = affine(rotation((0, 0, 1), -35) @ np.diag(ZOOMS), (90.0, -126.0, -72.0))
# qform with qfac = -1: nibabel stores the quaternion of R and pixdim[0] = -1
# because det(R @ diag(zooms) @ diag(1, 1, -1)) < 0.
QFORM_QFAC_NEG = affine(rotation((-2, 1, 0.5), 40) @ np.diag(ZOOMS) @ np.diag([1, 1, -1]), (5.5, -3.25, 12.0))
QFORM_QFAC_POS = affine(rotation((0, 1, 0), 30) @ np.diag(ZOOMS), (-4.0, 8.5, 1.25))
# A plain qform, deliberately different from the sform it accompanies, so a
# reader that prefers qform over sform gets the wrong answer.
QFORM_DECOY = affine(np.diag(ZOOMS), (1.0, 2.0, 3.0))


# =====================================================================
# Part 1: copies of real files
# =====================================================================
def copy_real_files():
    """Returns [(path for expected.json, where it came from or None)]."""
    reset_dir(NIBABEL_DIR)
    real = []
    for name in NIBABEL_COPIES:
        src = os.path.join(NIBABEL_TEST_DATA, name)
        size = os.path.getsize(src)
        if size > COPY_LIMIT:
            sys.exit(f"{src} is {size} bytes (> 3 MB): not copying; ask before adding it")
        shutil.copyfile(src, abspath(f"{NIBABEL_DIR}/{name}"))
        real.append((f"{NIBABEL_DIR}/{name}", "nibabel/tests/data/" + name))
    # The shared MNI template: small enough to ship, which keeps the tests
    # self-contained; were it not, tests would read it in place (absolute path).
    if os.path.getsize(SHARED_MNI) < SHARED_COPY_LIMIT:
        rel = f"{NIBABEL_DIR}/{os.path.basename(SHARED_MNI)}"
        shutil.copyfile(SHARED_MNI, abspath(rel))
        real.append((rel, SHARED_MNI))
    else:
        real.append((SHARED_MNI, None))
    return real


# =====================================================================
# Part 2: NIfTI files written with nibabel
# =====================================================================
def full_range_ints(rng, dtype, shape):
    """Random integers over the whole range of `dtype`, with the minimum in
    the first voxel and the maximum in the last (x fastest), so sign and width
    mistakes cannot hide."""
    info = np.iinfo(dtype)
    a = rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
    a.flat[0] = info.min
    a.flat[-1] = info.max
    return a


def floats(rng, dtype, shape):
    """Finite floats (never NaN) with the type's extremes in two voxels."""
    a = (rng.standard_normal(shape) * 1000.0).astype(dtype)
    if np.dtype(dtype) == np.float32:
        a[1, 0, 0] = np.finfo(np.float32).max
        a[2, 0, 0] = np.float32(1e-45)  # smallest float32 subnormal
    else:
        a[1, 0, 0] = -1.5e300  # not representable in float32: must stay float64
        a[2, 0, 0] = 2.5e-300
    return a


def sample_data(name, dtype, shape):
    rng = rng_for(name)
    if dtype == "RGB":
        a = np.zeros(shape, dtype=[("R", "u1"), ("G", "u1"), ("B", "u1")])
        for channel in "RGB":
            a[channel] = rng.integers(0, 255, size=shape, dtype=np.uint8, endpoint=True)
        return a
    if np.dtype(dtype).kind in "iu":
        return full_range_ints(rng, dtype, shape)
    return floats(rng, dtype, shape)


# One entry per file: name, image class, numpy/nibabel dtype, geometry,
# endianness, stored (scl_slope, scl_inter) patch, extension, description.
NIFTI_SPECS = [
    dict(name="uint8_sform.nii", dtype=np.uint8, sform=(SFORM_SHEARED, 2), qform=(QFORM_DECOY, 1),
         what="uint8 (2); sform_code 2 with rotation+shear; a different qform (code 1) that must lose"),
    dict(name="int8_qform_qfac_neg.nii", dtype=np.int8, qform=(QFORM_QFAC_NEG, 1),
         what="int8 (256); qform only (sform_code 0), rotation quaternion, qfac = pixdim[0] = -1"),
    dict(name="int16_no_transform.nii", dtype=np.int16,
         what="int16 (4); sform_code 0 and qform_code 0: nibabel's fallback affine"),
    dict(name="uint16_sform.nii", dtype=np.uint16, sform=(SFORM_ROTATED, 2),
         what="uint16 (512); sform only (qform_code 0)"),
    dict(name="int32_qform.nii", dtype=np.int32, qform=(QFORM_QFAC_POS, 1),
         what="int32 (8); qform only, qfac +1"),
    dict(name="uint32_sform.nii", dtype=np.uint32, sform=(SFORM_SHEARED, 2),
         what="uint32 (768); sform only"),
    dict(name="int64_sform.nii", dtype=np.int64, sform=(SFORM_ROTATED, 2),
         what="int64 (1024); extremes do not fit float64 exactly (rounded to nearest)"),
    dict(name="uint64_qform.nii", dtype=np.uint64, qform=(QFORM_QFAC_NEG, 1),
         what="uint64 (1280); 2^64-1 becomes 2^64 as float64"),
    dict(name="float32_sform.nii", dtype=np.float32, sform=(SFORM_SHEARED, 2), qform=(QFORM_DECOY, 1),
         what="float32 (16); FLT_MAX and the smallest subnormal present"),
    dict(name="float64_qform.nii", dtype=np.float64, qform=(QFORM_QFAC_POS, 1),
         what="float64 (64); values outside float32 range"),
    dict(name="rgb24_sform.nii", dtype="RGB", sform=(SFORM_ROTATED, 2),
         what="RGB24 (128): 3 interleaved uint8 per voxel; components = 3"),
    dict(name="int16_scaled.nii", dtype=np.int16, sform=(SFORM_ROTATED, 2), scaling=(2.5, -3.0),
         what="int16 with scl_slope 2.5, scl_inter -3: value = raw * 2.5 - 3"),
    dict(name="int16_slope_zero.nii", dtype=np.int16, sform=(SFORM_ROTATED, 2), scaling=(0.0, 7.0),
         what="int16 with scl_slope 0 (means no scaling) and scl_inter 7, which is then ignored too"),
    dict(name="uint8_intercept_only.nii", dtype=np.uint8, sform=(SFORM_ROTATED, 2), scaling=(1.0, -100.0),
         what="uint8 with scl_slope 1, scl_inter -100: intercept alone still applies (negative values)"),
    dict(name="int16_big_endian.nii", dtype=np.int16, endian=">", sform=(SFORM_SHEARED, 2),
         what="int16, whole file big-endian (sizeof_hdr reads 348 only as big-endian)"),
    dict(name="float64_big_endian.nii", dtype=np.float64, endian=">", qform=(QFORM_QFAC_NEG, 1),
         what="float64 big-endian, qform only with qfac -1"),
    dict(name="float32_nifti2.nii", dtype=np.float32, version=2, sform=(SFORM_SHEARED, 2), qform=(QFORM_DECOY, 1),
         what="NIfTI-2 (540-byte header, magic n+2, vox_offset 544) written by nibabel"),
    dict(name="int16_extension.nii", dtype=np.int16, sform=(SFORM_ROTATED, 2),
         extension=b"Arbiter test extension: skip me, data starts at vox_offset",
         what="int16 with one header extension (code 6, comment): vox_offset > 352"),
    # Own stem on purpose: given X.nii.gz, ITK's niftilib silently reads X.nii
    # instead when that file exists too, which would confuse any cross-check.
    dict(name="uint16_gzip.nii.gz", dtype=np.uint16, sform=(SFORM_SHEARED, 2), qform=(QFORM_QFAC_NEG, 1),
         what="gzip-compressed single file (gzip mtime 0)"),
    dict(name="int16_pair.hdr", dtype=np.int16, pair=True, sform=(SFORM_ROTATED, 2),
         what="NIfTI-1 pair: .hdr (magic ni1, vox_offset 0) + .img"),
]


def nifti_header(spec):
    if spec.get("pair"):
        klass = nib.nifti1.Nifti1PairHeader
    elif spec.get("version") == 2:
        klass = nib.Nifti2Header
    else:
        klass = nib.Nifti1Header
    hdr = klass(endianness=spec.get("endian", "<"))
    hdr.set_data_dtype(spec["dtype"])
    hdr.set_data_shape(NIFTI_SHAPE)
    hdr.set_zooms(ZOOMS)
    hdr.set_xyzt_units("mm", "sec")
    # Set codes explicitly: None means "code 0, matrix left at zeros".
    sform, scode = spec.get("sform", (None, 0))
    qform, qcode = spec.get("qform", (None, 0))
    hdr.set_sform(sform, code=scode)
    hdr.set_qform(qform, code=qcode)
    if "extension" in spec:
        hdr.extensions.append(nib.nifti1.Nifti1Extension("comment", spec["extension"]))
    return hdr


def patch_scaling(path, endian, slope, inter):
    """nibabel recomputes scl_slope/scl_inter on save from the array it is
    given, so to store chosen raw values *and* chosen scale factors we write
    the raw integers, then overwrite the two float32 fields (offset 112 and
    116 of a NIfTI-1 header) in place."""
    with open(path, "r+b") as f:
        f.seek(112)
        f.write(struct.pack(endian + "ff", slope, inter))


def write_nifti_files():
    reset_dir(NIFTI_DIR)
    written = []
    for spec in NIFTI_SPECS:
        hdr = nifti_header(spec)
        data = sample_data(spec["name"], spec["dtype"], NIFTI_SHAPE)
        if "scaling" in spec:  # moderate raw values, so scaled ones stay readable
            low, high = (0, 255) if spec["dtype"] == np.uint8 else (-2000, 2000)
            data = rng_for(spec["name"]).integers(low, high, size=NIFTI_SHAPE, endpoint=True).astype(spec["dtype"])
        if spec.get("pair"):
            image_class = nib.Nifti1Pair
        elif spec.get("version") == 2:
            image_class = nib.Nifti2Image
        else:
            image_class = nib.Nifti1Image
        # affine=None: keep exactly the header geometry built above.
        img = image_class(data, None, hdr)
        rel = f"{NIFTI_DIR}/{spec['name']}"
        img.to_filename(abspath(rel))
        if "scaling" in spec:
            assert rel.endswith(".nii") and spec.get("version", 1) == 1
            patch_scaling(abspath(rel), spec.get("endian", "<"), *spec["scaling"])
        written.append((rel, spec, data))
    return written


# =====================================================================
# Part 3: MetaImage files written with SimpleITK (and by hand)
# =====================================================================
def geometry(index):
    """Cycle through identity, a proper rotation, and an improper one (det -1);
    spacing and origin are always non-trivial and exact in decimal."""
    spacing = (0.5, 0.75, 2.5)
    origin = (-12.25, 30.5, 7.125)
    kind = ("identity", "rotation", "reflection")[index % 3]
    if kind == "identity":
        direction = np.eye(3)
    elif kind == "rotation":
        direction = rotation((1, -2, 0.5), 50)
    else:
        direction = rotation((0.3, 0.2, 1), -70) @ np.diag([1, -1, 1])
    return kind, spacing, origin, direction


# (file stem, MET_ element type SimpleITK should write, numpy dtype, components)
META_TYPES = [
    ("uchar", "MET_UCHAR", np.uint8, 1),
    ("char", "MET_CHAR", np.int8, 1),
    ("ushort", "MET_USHORT", np.uint16, 1),
    ("short", "MET_SHORT", np.int16, 1),
    ("uint", "MET_UINT", np.uint32, 1),
    ("int", "MET_INT", np.int32, 1),
    ("ulong_long", "MET_ULONG_LONG", np.uint64, 1),
    ("long_long", "MET_LONG_LONG", np.int64, 1),
    ("float", "MET_FLOAT", np.float32, 1),
    ("double", "MET_DOUBLE", np.float64, 1),
    ("uchar_rgb", "MET_UCHAR", np.uint8, 3),  # sitkVectorUInt8, 3 components
    ("float_vec2", "MET_FLOAT", np.float32, 2),  # sitkVectorFloat32, 2 components
]
# Detached header + data file: (stem, compressed?) -> .mhd with .raw / .zraw
META_DETACHED = [("uchar", False), ("short", True), ("float", False), ("double", True), ("uchar_rgb", True)]


def meta_array(stem, dtype, components):
    rng = rng_for("meta_" + stem)
    shape = META_ARRAY_SHAPE + ((components,) if components > 1 else ())
    if np.dtype(dtype).kind in "iu":
        return full_range_ints(rng, dtype, shape)
    a = (rng.standard_normal(shape) * 1000.0).astype(dtype)
    a.flat[1] = np.finfo(dtype).max
    a.flat[2] = np.finfo(dtype).min
    return a


def write_meta_files():
    reset_dir(META_DIR)
    written = []
    detached = dict(META_DETACHED)
    for index, (stem, met, dtype, components) in enumerate(META_TYPES):
        arr = meta_array(stem, dtype, components)
        img = sitk.GetImageFromArray(arr, isVector=components > 1)
        kind, spacing, origin, direction = geometry(index)
        img.SetSpacing(spacing)
        img.SetOrigin(origin)
        img.SetDirection(direction.ravel().tolist())  # row-major 3x3
        variants = [(f"met_{stem}.mha", False), (f"met_{stem}_z.mha", True)]
        if stem in detached:
            z = detached[stem]
            variants.append((f"met_{stem}_detached{'_z' if z else ''}.mhd", z))
        for name, compressed in variants:
            rel = f"{META_DIR}/{name}"
            sitk.WriteImage(img, abspath(rel), useCompression=compressed)
            what = f"{met}, {components} component(s), {kind} direction, " + (
                "zlib-compressed" if compressed else "uncompressed") + (
                ", detached data file" if name.endswith(".mhd") else ", LOCAL data")
            written.append((rel, dict(met=met, what=what, components=components), arr))
    written += write_handwritten_meta()
    return written


def handwritten(name, header_lines, payload):
    rel = f"{META_DIR}/{name}"
    with open(abspath(rel), "wb") as f:
        f.write(("\n".join(header_lines) + "\n").encode("ascii"))
        f.write(payload)
    return rel


def write_handwritten_meta():
    """Headers SimpleITK would never write, to pin down tolerant parsing."""
    out = []
    rng = rng_for("handwritten")
    short = rng.integers(-3000, 3000, size=META_ARRAY_SHAPE, endpoint=True).astype(np.int16)
    rel = handwritten("handwritten_unknown_key.mha", [
        "ObjectType = Image",
        "NDims = 3",
        "ArbiterCustomKey = 42",
        "BinaryData = True",
        "BinaryDataByteOrderMSB = False",
        "CompressedData = False",
        "TransformMatrix = 0 1 0 -1 0 0 0 0 1",
        "Offset = 10 -20.5 3.25",
        "ElementSpacing = 0.8 0.9 1.7",
        "DimSize = 6 4 3",
        "ElementType = MET_SHORT",
        "ElementDataFile = LOCAL",
    ], short.astype("<i2").tobytes())
    out.append((rel, dict(met="MET_SHORT", components=1,
                          what="hand-written: unknown key ArbiterCustomKey = 42 must be tolerated; LOCAL data"), short))

    rel = handwritten("handwritten_big_endian.mha", [
        "ObjectType = Image",
        "NDims = 3",
        "BinaryData = True",
        "BinaryDataByteOrderMSB = True",
        "CompressedData = False",
        "TransformMatrix = 1 0 0 0 1 0 0 0 1",
        "Offset = 0 0 0",
        "ElementSpacing = 1 1 1",
        "DimSize = 6 4 3",
        "ElementType = MET_SHORT",
        "ElementDataFile = LOCAL",
    ], short.astype(">i2").tobytes())
    out.append((rel, dict(met="MET_SHORT", components=1,
                          what="hand-written: BinaryDataByteOrderMSB = True (big-endian data)"), short))

    floats32 = (rng.standard_normal(META_ARRAY_SHAPE) * 100).astype(np.float32)
    rel = handwritten("handwritten_synonyms.mha", [
        "ObjectType = Image",
        "NDims = 3",
        "BinaryData = True",
        "BinaryDataByteOrderMSB = False",
        "CompressedData = False",
        "Orientation = 0 0 1 1 0 0 0 1 0",
        "Position = 1.5 -2 3",
        "ElementSpacing = 2 3 4",
        "DimSize = 6 4 3",
        "ElementType = MET_FLOAT",
        "ElementDataFile = LOCAL",
    ], floats32.astype("<f4").tobytes())
    out.append((rel, dict(met="MET_FLOAT", components=1,
                          what="hand-written: Position/Orientation synonyms of Offset/TransformMatrix"), floats32))

    for met, dt, stem in (("MET_LONG", "<i4", "long"), ("MET_ULONG", "<u4", "ulong")):
        values = full_range_ints(rng, np.dtype(dt).newbyteorder("="), META_ARRAY_SHAPE)
        rel = handwritten(f"handwritten_met_{stem}.mha", [
            "NDims = 3",
            "DimSize = 6 4 3",
            f"ElementType = {met}",
            "ElementDataFile = LOCAL",
        ], values.astype(dt).tobytes())
        out.append((rel, dict(met=met, components=1,
                              what=f"hand-written minimal header: {met} is 4 bytes in MetaIO; no spacing/offset/matrix "
                                   "keys, so the defaults (1, 0, identity) apply"), values))
    return out


def parse_meta_header(path):
    """Our own minimal MetaImage header parser: `Key = Value` lines up to and
    including ElementDataFile.  Returns (ordered key/value dict, byte offset
    where LOCAL data starts)."""
    with open(path, "rb") as f:
        blob = f.read()
    header, pos = {}, 0
    while pos < len(blob):
        end = blob.index(b"\n", pos)
        line = blob[pos:end].decode("ascii").rstrip("\r")
        pos = end + 1
        key, _, value = line.partition("=")
        header[key.strip()] = value.strip()
        if key.strip() == "ElementDataFile":
            break
    return header, pos


# =====================================================================
# Part 4: the oracle (read every file back with the reference tool)
# =====================================================================
def little_endian(a):
    """Same values, little-endian byte order (structured RGB is byte data)."""
    if a.dtype.names:
        return a
    return a.astype(a.dtype.newbyteorder("<"))


def finite_or_none(x):
    x = float(x)
    return x if np.isfinite(x) else None


def header_file(img):
    """Single files (.nii, .nii.gz) have only an "image" entry in file_map."""
    return img.file_map.get("header", img.file_map["image"]).filename


def nifti_raw_header(img):
    """The header exactly as stored: nibabel's in-memory img.header has
    scl_slope/scl_inter reset to NaN and vox_offset to 0 after loading."""
    klass = type(img.header)
    with nib.openers.ImageOpener(header_file(img)) as f:
        return klass.from_fileobj(f)


def nifti_entry(rel, what, source=None):
    path = abspath(rel)
    img = nib.load(path)
    raw = nifti_raw_header(img)
    unscaled = np.asanyarray(img.dataobj.get_unscaled())
    if unscaled.dtype.names:  # RGB24: components fastest per voxel, x next
        scaled = np.stack([unscaled[c] for c in unscaled.dtype.names], axis=0).astype("<f8")
        components = len(unscaled.dtype.names)
    else:
        scaled = np.asarray(img.get_fdata(dtype=np.float64)).astype("<f8")
        components = 1
    assert np.isfinite(scaled).all(), rel

    def matrix(getter):
        try:
            return getter().tolist()
        except Exception:  # e.g. a qfac nibabel rejects
            return None

    entry = {
        "path": rel,
        "reader": "nibabel",
        "reader_version": VERSIONS["nibabel"],
        "description": what,
        "file_sha256": sha256_file(path),
    }
    if img.file_map["image"].filename != header_file(img):
        data_path = os.path.relpath(img.file_map["image"].filename, REPO_ROOT)
        entry.update(data_path=data_path, data_file_sha256=sha256_file(img.file_map["image"].filename))
    if source:
        entry["copied_from"] = source
    entry.update({
        "nifti_version": 2 if isinstance(raw, nib.Nifti2Header) else 1,
        "magic": bytes(raw["magic"]).rstrip(b"\x00").decode("ascii"),
        "endianness": "big" if raw.endianness == ">" else "little",
        "vox_offset": int(raw["vox_offset"]),
        "shape": [int(n) for n in img.shape],
        "components": components,
        "datatype": str(raw.get_value_label("datatype")),
        "datatype_code": int(raw["datatype"]),
        "bitpix": int(raw["bitpix"]),
        "raw_dtype": "RGB24" if components == 3 else little_endian(unscaled).dtype.str,
        "spacing": [float(z) for z in img.header.get_zooms()],
        "xyzt_units": list(raw.get_xyzt_units()),
        "affine": img.affine.tolist(),
        "sform_code": int(raw["sform_code"]),
        "qform_code": int(raw["qform_code"]),
        "qfac": float(raw["pixdim"][0]),
        "sform": matrix(raw.get_sform),
        "qform": matrix(raw.get_qform),
        "scl_slope_stored": finite_or_none(raw["scl_slope"]),
        "scl_inter_stored": finite_or_none(raw["scl_inter"]),
        "slope_applied": float(img.dataobj.slope),
        "inter_applied": float(img.dataobj.inter),
        "extensions": [{"code": int(e.get_code()), "size_on_disk": int(e.get_sizeondisk())} for e in raw.extensions],
        "min": float(scaled.min()),
        "max": float(scaled.max()),
        "sha256_float64": sha256_bytes(scaled.tobytes(order="F")),
        "sha256_raw": sha256_bytes(little_endian(unscaled).tobytes(order="F")),
    })
    return entry, unscaled


def meta_entry(rel, info):
    path = abspath(rel)
    header, data_offset = parse_meta_header(path)
    img = sitk.ReadImage(path)
    arr = sitk.GetArrayFromImage(img)  # z, y, x[, c], C order: x fastest
    assert np.isfinite(arr.astype(np.float64)).all(), rel
    assert header["ElementType"] == info["met"], (rel, header["ElementType"])
    entry = {
        "path": rel,
        "reader": "simpleitk",
        "reader_version": VERSIONS["SimpleITK"],
        "description": info["what"],
        "file_sha256": sha256_file(path),
    }
    data_file = header["ElementDataFile"]
    if data_file == "LOCAL":
        entry["data_offset"] = data_offset
    else:
        data_abs = os.path.join(os.path.dirname(path), data_file)
        entry.update(data_path=os.path.relpath(data_abs, REPO_ROOT), data_file_sha256=sha256_file(data_abs))
    entry.update({
        "header": header,
        "compressed": header.get("CompressedData", "False") == "True",
        "shape": list(img.GetSize()),
        "components": img.GetNumberOfComponentsPerPixel(),
        "datatype": header["ElementType"],
        "pixel_id": img.GetPixelIDTypeAsString(),
        "raw_dtype": little_endian(arr).dtype.str,
        "spacing": list(img.GetSpacing()),
        "origin": list(img.GetOrigin()),
        "direction": list(img.GetDirection()),  # row-major 3x3
        # ITK_* entries are ITK's own bookkeeping, not from the file.
        "metadata": {k: img.GetMetaData(k) for k in img.GetMetaDataKeys() if not k.startswith("ITK_")},
        "min": float(arr.min()),
        "max": float(arr.max()),
        "sha256_float64": sha256_bytes(arr.astype("<f8").tobytes()),
        "sha256_raw": sha256_bytes(little_endian(arr).tobytes()),
    })
    check_transform_matrix_order(entry)
    return entry, arr


def check_transform_matrix_order(entry):
    """Machine-check the claim in README.md: TransformMatrix in the file lists
    the direction *columns* one after another (file[3*i + j] == D[j][i], i.e.
    column-major relative to GetDirection()'s row-major D)."""
    key = "TransformMatrix" if "TransformMatrix" in entry["header"] else "Orientation"
    if key not in entry["header"]:
        assert entry["direction"] == [1.0, 0, 0, 0, 1.0, 0, 0, 0, 1.0]
        return
    stored = np.array([float(v) for v in entry["header"][key].split()]).reshape(3, 3)
    direction = np.array(entry["direction"]).reshape(3, 3)
    assert np.array_equal(stored.T, direction), entry["path"]


# =====================================================================
# Part 5: README and main
# =====================================================================
README = """# Volume fixtures

Generated by `scripts/oracles/volume_oracle.py` (do not edit by hand; re-run it:
it deletes and rewrites `nibabel/`, `nifti/`, `metaimage/`, this file and
`Fixtures/oracles/volumes/expected.json`, byte-identically).
Versions: Python {python} (recorded), nibabel {nibabel}, SimpleITK {SimpleITK},
numpy {numpy}, pinned in `scripts/oracles/volume-requirements.txt`.

| folder | content | origin |
| --- | --- | --- |
| `nibabel/` | {nibabel_files} | copied unchanged from nibabel's `nibabel/tests/data` (nibabel is MIT-licensed: Copyright (c) 2009-2019 Matthew Brett and the NiBabel developers); `avg152T1_LR_nifti.nii.gz` copied from `shared/data/mri/` (libvips test suite; MNI avg152 T1 template, big-endian uint8) |
| `nifti/` | small 7x5x3 NIfTI-1/-2 files, one per datatype and header feature | written by the script with nibabel (scaling fields patched in place where noted) |
| `metaimage/` | small 6x4x3 MetaImage files (`met_<type>.mha`, `met_<type>_z.mha` compressed, `met_<type>_detached[_z].mhd` + `.raw`/`.zraw`, `handwritten_*.mha`) | written by the script with SimpleITK, or by hand-assembled headers |

`Fixtures/oracles/volumes/expected.json` is a JSON array with one object per
volume; each `description` says what the file exercises. Common fields:
`path` (relative to the repository root; for pairs / detached files the header,
with `data_path` for the data file), `reader` (`nibabel` or `simpleitk`),
`file_sha256`, `shape` (x, y, z[, t]), `components` (1 for scalars, 3 for
RGB24 / 3-channel MetaImage, 2 for `met_float_vec2*`),
`datatype` (nibabel's datatype name, or the MET_ element type), `raw_dtype`
(numpy little-endian type of the stored values), `spacing`, `min`, `max`,
`sha256_float64` (scaled values as little-endian float64, x fastest, components
fastest within a voxel), `sha256_raw` (stored values in their own type,
little-endian, same order). NIfTI adds `datatype_code`, `affine` (nibabel's
`img.affine`), `sform`, `qform`, `sform_code`, `qform_code`, `qfac`,
`scl_slope_stored`/`scl_inter_stored` (null when NaN), `slope_applied`/
`inter_applied`, `vox_offset`, `endianness`, `nifti_version`, `extensions`.
MetaImage adds `origin`, `direction` (row-major 3x3 from `GetDirection()`),
`header` (our parse of the text header), `data_offset` (LOCAL data), `compressed`,
`pixel_id`, `metadata` (SimpleITK's metadata dictionary).

Conventions the values rely on (checked by the script where possible):
- nibabel scaling: scl_slope 0 or non-finite means no scaling at all (the
  intercept is ignored too, even when non-zero); otherwise
  value = Double(raw) * Double(scl_slope) + Double(scl_inter), two separately
  rounded float64 operations (no fused multiply-add), the float32 header
  fields widened exactly.  get_fdata(dtype=float32) also scales in float64 and
  rounds to float32 once at the end.  (ITK differs: it applies the intercept
  when the slope is 0, and scales in float32.)
- `spacing` is pixdim (nibabel get_zooms(), including t for 4-D files), never
  derived from the affine's column norms.
- nibabel affine: sform if sform_code > 0, else qform if qform_code > 0, else
  the Analyze-style fallback diag(-dx, dy, dz) centred on the volume
  (translation -R @ ((dim - 1) / 2)), not NIfTI's "method 1" diag(pixdim).
- MetaImage `TransformMatrix` (and its synonym `Orientation`) lists the
  direction cosine *columns* one after another: file[3*i + j] = D[j][i] where
  D = GetDirection() row-major, i.e. the file is column-major relative to D.
"""


def write_readme(copied):
    names = ", ".join(f"`{os.path.basename(p)}`" for p, source in copied if source)
    text = README.format(python=PYTHON_VERSION, nibabel_files=names, **VERSIONS)
    with open(abspath("Fixtures/volumes/README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    with open(abspath("Fixtures/volumes/.gitattributes"), "w", encoding="ascii", newline="\n") as f:
        f.write("# Byte-exact fixtures: never convert line endings or diff as text.\n"
                + "".join(f"*.{ext} binary\n" for ext in ("nii", "gz", "hdr", "img", "mha", "mhd", "raw", "zraw")))


def main():
    copied = copy_real_files()
    nifti_written = write_nifti_files()
    meta_written = write_meta_files()

    for folder in (NIFTI_DIR, META_DIR):
        for name in os.listdir(abspath(folder)):
            size = os.path.getsize(abspath(f"{folder}/{name}"))
            assert size < GENERATED_LIMIT, (folder, name, size)

    entries = []
    for rel, source in copied:
        description = "real file, copied unchanged" if source else "real file, read in place"
        entry, _ = nifti_entry(rel, description, source=source)
        entries.append(entry)
    for rel, spec, data in nifti_written:
        entry, unscaled = nifti_entry(rel, spec["what"])
        assert np.array_equal(unscaled, data), rel  # the file holds what we wrote
        entries.append(entry)
    for rel, info, data in meta_written:
        entry, arr = meta_entry(rel, info)
        assert np.array_equal(arr, data), rel
        entries.append(entry)

    out = abspath(ORACLE_PATH)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(entries, f, indent=1, allow_nan=False)
        f.write("\n")
    write_readme(copied)
    print(f"wrote {len(entries)} oracle entries to {ORACLE_PATH}")


if __name__ == "__main__":
    main()
