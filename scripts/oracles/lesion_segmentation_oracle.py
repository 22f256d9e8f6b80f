# Oracle for Arbiter's `volume-segmentation` / `slide-segmentation` metrics
# (issue 6, section 3): Dice, IoU, Hausdorff, HD95 and NSD computed by the
# Metrics Reloaded reference code (Project-MONAI/MetricsReloaded,
# BinaryPairwiseMeasures), plus an independent numpy/scipy restatement of its
# definitions that must agree to 1e-12 (a guard that our prose in
# Fixtures/lesions/README.md describes what the reference does).
#
# MetricsReloaded is not on PyPI: point ARBITER_METRICSRELOADED_SRC at a source
# checkout (the folder holding the MetricsReloaded/ package) at commit
# cb38dfc0a5ed4fa3bdc559e4960b6e2b93c3b967.  If that folder has a COMMIT file
# naming another commit the script refuses (override:
# ARBITER_ORACLE_IGNORE_VERSIONS=1).  Nothing of MetricsReloaded is committed.
#
# PINNED VERSIONS: scripts/oracles/lesion-requirements.txt.
"""Make Fixtures/lesions/segmentation/ and Fixtures/oracles/lesions/segmentation.json.

Usage:
  ARBITER_METRICSRELOADED_SRC=/path/to/MetricsReloaded-checkout \\
      /work/venv-lesions/bin/python scripts/oracles/lesion_segmentation_oracle.py
"""

import math
import os
import shutil
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lesion_common as lc  # noqa: E402

VERSIONS = lc.check_versions()
MR_COMMIT = "cb38dfc0a5ed4fa3bdc559e4960b6e2b93c3b967"

from scipy import ndimage  # noqa: E402

OUT = os.path.join(lc.REPO, "Fixtures", "lesions", "segmentation")
ORACLE = os.path.join(lc.REPO, "Fixtures", "oracles", "lesions", "segmentation.json")
SHAPE = (10, 24, 24)            # (z, y, x)
SPACING = (0.5, 0.5, 3.0)       # (x, y, z) mm -- as SimpleITK / the NIfTI header store it
PIXDIM_ZYX = tuple(reversed(SPACING))  # sampling for arrays indexed (z, y, x)
TAUS = [1.0, 2.0]


def load_metricsreloaded():
    src = os.environ.get("ARBITER_METRICSRELOADED_SRC")
    if not src:
        sys.exit("set ARBITER_METRICSRELOADED_SRC to a MetricsReloaded source checkout "
                 f"(commit {MR_COMMIT})")
    commit_file = os.path.join(src, "COMMIT")
    commit = open(commit_file).read().strip() if os.path.exists(commit_file) else None
    if commit != MR_COMMIT:
        msg = f"MetricsReloaded checkout at {commit}, pinned {MR_COMMIT}"
        if os.environ.get("ARBITER_ORACLE_IGNORE_VERSIONS") == "1":
            print("WARNING: " + msg, file=sys.stderr)
        else:
            sys.exit(msg + " (write the commit into COMMIT, or set ARBITER_ORACLE_IGNORE_VERSIONS=1)")
    sys.path.insert(0, src)
    from MetricsReloaded.metrics.pairwise_measures import BinaryPairwiseMeasures
    return BinaryPairwiseMeasures, commit


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------
def grid():
    return np.meshgrid(np.arange(SHAPE[0]), np.arange(SHAPE[1]), np.arange(SHAPE[2]), indexing="ij")


def ellipsoid(c, r):
    """Physical-space ellipsoid: c in voxel (z, y, x), r in mm (z, y, x)."""
    zz, yy, xx = grid()
    d = (((zz - c[0]) * PIXDIM_ZYX[0]) / r[0]) ** 2 + (((yy - c[1]) * PIXDIM_ZYX[1]) / r[1]) ** 2 + \
        (((xx - c[2]) * PIXDIM_ZYX[2]) / r[2]) ** 2
    return (d <= 1).astype(np.uint8)


def empty():
    return np.zeros(SHAPE, dtype=np.uint8)


def cases():
    out = []
    ref = ellipsoid((5, 12, 12), (9.0, 4.0, 4.0))
    out.append(("seg01", ref, ref.copy(), "identical ellipsoids"))
    out.append(("seg02", ref, np.roll(ref, 1, axis=2), "shifted 1 voxel (0.5 mm) in x"))
    out.append(("seg03", ref, np.roll(ref, 1, axis=0), "shifted 1 slice (3 mm) in z"))
    out.append(("seg04", ref, ellipsoid((5, 12, 12), (10.0, 5.5, 5.0)), "prediction larger, contains the reference"))
    out.append(("seg05", empty(), ref.copy(), "empty reference"))
    out.append(("seg06", ref, empty(), "empty prediction"))
    out.append(("seg07", empty(), empty(), "both empty"))
    a = empty()
    a[4, 10, 10] = 1
    out.append(("seg08", a, a.copy(), "single voxel, identical"))
    b = empty()
    b[4, 10, 12] = 1
    out.append(("seg09", a, b, "single voxels 2 columns (1 mm) apart"))
    r = empty()
    r[0:4, 0:8, 0:8] = 1
    p = empty()
    p[0:5, 0:7, 0:9] = 1
    out.append(("seg10", r, p, "both touch the volume corner (the edge counts as background for erosion)"))
    r = ellipsoid((3, 6, 6), (6.0, 2.5, 2.5)) | ellipsoid((6, 17, 17), (6.0, 3.0, 3.0))
    p = ellipsoid((3, 6, 7), (6.0, 2.5, 2.5)) | ellipsoid((7, 5, 19), (3.0, 1.5, 1.5))
    out.append(("seg11", r, p, "disjoint components: one matched, one missed, one false blob"))
    out.append(("seg12", ref, ellipsoid((5, 12, 12), (6.0, 2.0, 2.0)), "prediction nested inside the reference"))
    rng = np.random.default_rng(311)
    r = ellipsoid((4.5, 11.3, 12.1), (7.5, 5.1, 3.9))
    p = ellipsoid((5.2, 12.6, 10.8), (8.1, 4.2, 4.6))
    flip = rng.uniform(size=SHAPE) < 0.03
    p = np.where(flip & (ndimage.binary_dilation(p) > 0), 1 - p, p).astype(np.uint8)
    out.append(("seg13", r, p, "partially overlapping ellipsoids with 3 % boundary noise"))
    r = empty()
    r[5, 4:20, 4:20] = 1
    p = empty()
    p[5, 5:21, 4:20] = 1
    out.append(("seg14", r, p, "one-slice-thick plates (every voxel is border)"))
    out.append(("seg15", ellipsoid((2, 5, 5), (4.0, 2.0, 2.0)), ellipsoid((7, 18, 18), (4.0, 2.0, 2.0)),
                "no overlap at all"))
    full = np.ones(SHAPE, dtype=np.uint8)
    out.append(("seg16", full, full.copy(), "both fill the whole volume: border = the outer layer"))
    return out


# ---------------------------------------------------------------------------
# Independent restatement of the definitions (see Fixtures/lesions/README.md)
# ---------------------------------------------------------------------------
def border(mask):
    # mask minus its erosion by the 6-neighbour cross (3-D), voxels outside the
    # volume counting as background
    m = mask.astype(bool)
    return m & ~ndimage.binary_erosion(m, structure=ndimage.generate_binary_structure(3, 1))


def restated(ref, pred):
    ref = ref.astype(bool)
    pred = pred.astype(bool)
    nr, npd, inter = int(ref.sum()), int(pred.sum()), int((ref & pred).sum())
    union = int((ref | pred).sum())
    res = {"dsc": 1.0 if nr + npd == 0 else 2 * inter / (nr + npd),
           "iou": math.nan if nr + npd == 0 else inter / union}
    if nr == 0 and npd == 0:
        res.update(hd=0.0, hd95=0.0)
        for t in TAUS:
            res[f"nsd_{t:g}"] = 1.0
        return res
    br, bp = border(ref), border(pred)
    # distance of every voxel to the nearest border voxel of the other mask
    # (an empty border has no feature; only the one-empty NSD would need it)
    d_to_ref = ndimage.distance_transform_edt(~br, sampling=PIXDIM_ZYX) if br.any() else None
    d_to_pred = ndimage.distance_transform_edt(~bp, sampling=PIXDIM_ZYX) if bp.any() else None
    if nr == 0 or npd == 0:
        res.update(hd=math.nan, hd95=math.nan)
    else:
        a = d_to_ref[bp]      # pred border -> ref border
        b = d_to_pred[br]     # ref border -> pred border
        res["hd"] = float(max(a.max(), b.max()))
        res["hd95"] = float(max(np.percentile(a, 95), np.percentile(b, 95)))
    for t in TAUS:
        if nr == 0 or npd == 0:
            # MetricsReloaded has no branch for this: its distance transform of
            # an input without any background voxel returns scipy's
            # featureless result (distances to the index -1 along the first
            # axis, so at least the first axis' spacing, 3 mm here), which
            # exceeds both tolerances: NSD = 0.  Arbiter defines it as 0.
            res[f"nsd_{t:g}"] = 0.0
        else:
            num = int((d_to_ref[bp] <= t).sum()) + int((d_to_pred[br] <= t).sum())
            res[f"nsd_{t:g}"] = num / (int(bp.sum()) + int(br.sum()))
    return res


def reference(BPM, ref, pred):
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = ref.astype(np.int32)
        p = pred.astype(np.int32)
        m = BPM(p, r, measures=["dsc", "iou", "hd", "hd_perc", "nsd"], pixdim=list(PIXDIM_ZYX),
                dict_args={"hd_perc": 95, "nsd": TAUS[0]})
        out["dsc"] = float(m.dsc())
        out["iou"] = float(m.intersection_over_union())
        out["hd"] = float(m.measured_hausdorff_distance())
        out["hd95"] = float(m.measured_hausdorff_distance_perc())
        for t in TAUS:
            mt = BPM(p, r, pixdim=list(PIXDIM_ZYX), dict_args={"hd_perc": 95, "nsd": t})
            out[f"nsd_{t:g}"] = float(mt.normalised_surface_distance())
    return out


def main():
    BPM, commit = load_metricsreloaded()
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    entries = {}
    for cid, ref, pred, note in cases():
        lc.write_nifti(os.path.join(OUT, f"{cid}_reference.nii.gz"), ref, SPACING, np.uint8)
        lc.write_nifti(os.path.join(OUT, f"{cid}_prediction.nii.gz"), pred, SPACING, np.uint8)
        got = reference(BPM, ref, pred)
        mine = restated(ref, pred)
        for k, v in got.items():
            w = mine[k]
            if w is None:
                continue
            same = (math.isnan(v) and math.isnan(w)) or abs(v - w) <= 1e-12
            assert same, (cid, k, v, w)
        e = {"note": note,
             "reference_voxels": int(ref.sum()), "prediction_voxels": int(pred.sum()),
             "reference_border_voxels": int(border(ref).sum()),
             "prediction_border_voxels": int(border(pred).sum())}
        for k, v in got.items():
            val, isnan = lc.nan_flag(v)
            e[k] = val
            e[k + "_is_nan"] = isnan
        entries[cid] = e
    oracle = {
        "generator": "scripts/oracles/lesion_segmentation_oracle.py",
        "versions": dict(VERSIONS, MetricsReloaded=commit),
        "volume_shape_zyx": list(SHAPE),
        "spacing_xyz_mm": list(SPACING),
        "nsd_tolerances_mm": TAUS,
        "hd_percentile": 95,
        "cases": entries,
    }
    lc.write_json(ORACLE, oracle)
    for cid, e in entries.items():
        print(cid, {k: (round(v, 6) if isinstance(v, float) else v) for k, v in e.items()
                    if k in ("dsc", "iou", "hd", "hd95", "nsd_1", "nsd_2")})


if __name__ == "__main__":
    main()
