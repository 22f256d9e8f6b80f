# A Python 3 port of the CAMELYON16 organisers' `Evaluation_FROC.py`
# (Babak Ehteshami Bejnordi, 2016; Python 2, openslide-based), written for
# Arbiter's oracles (issue 6).  The structure and wording are ours; the
# *behaviour* is meant to be the original's, quirks included.  Each quirk is
# marked "QUIRK" and names the original expression whose behaviour it
# reproduces.  A near-literal transcription of the original (not committed)
# agreed exactly with this port on every fixture set.
#
# The original, in order:
#   computeEvaluationMask(maskDIR, resolution, level)
#       reads the level-`level` image of the ground-truth mask TIFF (values 0 /
#       255), takes channel 0, computes
#       `distance_transform_edt(255 - channel0)`, keeps `distance < Threshold`
#       with `Threshold = 75 / (resolution * 2**level * 2)`, fills holes
#       (`binary_fill_holes`, default structure) and labels with
#       `measure.label(..., connectivity=2)`.
#   computeITCList(evaluation_mask, resolution, level)
#       `regionprops(evaluation_mask)[i].major_axis_length <
#       275 / (resolution * 2**level)` for i in 0..max_label-1 -> label i+1.
#   compute_FP_TP_Probs(Ycorr, Xcorr, Probs, is_tumor, evaluation_mask,
#                       Isolated_Tumor_Cells, level)
#       per point: `evaluation_mask[Y / 2**level, X / 2**level]` (Python 2
#       integer division on ints); label 0 -> FP; a non-ITC label -> keep the
#       maximum probability in a float32 array `TP_probs` of length max_label;
#       on a non-tumour slide every point is an FP.
#   computeFROC(FROC_data)
#       thresholds = sorted(set(all FP probs + all TP_probs entries))[1:],
#       counts `>= Thresh`, appends (0, 0), divides FP counts by the number of
#       result CSV files and TP counts by the sum of per-file tumour counts.
# The original stops at the curve (it plots it).  The challenge score, as the
# issue states it, is the mean of the sensitivities at 1/4, 1/2, 1, 2, 4 and 8
# FPs per slide read off the curve with `np.interp` (x must increase, so the
# curve, which runs from high FP to low FP, is reversed first).
#
# Our input adaptation (the original reads one `prob,x,y` CSV per slide named
# like the slide, and decides "tumour slide" from the file name prefix
# `Tumor`):
#   * predictions are one `case_id,x,y,confidence` table; the "submitted
#     files" are the case ids that have at least one row (a folder of per-case
#     CSVs would make every file present a submitted file, rows or not);
#   * "tumour slide" = a slide whose ground truth has at least one lesion.
#
# `froc_documented` at the bottom is Arbiter's `protocol: froc`: the
# documented behaviour, kept separate so no quirk leaks into it.
"""CAMELYON16 FROC: faithful port of Evaluation_FROC.py plus the documented variant."""

import numpy as np
from scipy import ndimage
from skimage import measure

L0_RESOLUTION = 0.243          # µm per level-0 pixel, as in the original's __main__
EVALUATION_MASK_LEVEL = 5      # as in the original's __main__
FP_PER_SLIDE_POINTS = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0]
GROWTH_UM = 75.0               # "75µm is the equivalent size of 5 tumor cells"
ITC_MAJOR_AXIS_UM = 275.0      # 200 µm ITC limit + the (documented) 75 µm growth


def camelyon16_growth_radius_px(resolution=L0_RESOLUTION, level=EVALUATION_MASK_LEVEL):
    # QUIRK (original computeEvaluationMask): `Threshold = 75/(resolution *
    # pow(2, level) * 2)` -- the trailing `* 2` halves the documented 75 µm,
    # so regions grow by 37.5 µm: 4.8225 px at level 5.
    return GROWTH_UM / (resolution * 2 ** level * 2)


def documented_growth_radius_px(resolution=L0_RESOLUTION, level=EVALUATION_MASK_LEVEL):
    return GROWTH_UM / (resolution * 2 ** level)


def itc_major_axis_limit_px(resolution=L0_RESOLUTION, level=EVALUATION_MASK_LEVEL):
    # original computeITCList: `threshold = 275/(resolution * pow(2, level))`
    # = 35.3652 px at level 5 (the same in both protocols).
    return ITC_MAJOR_AXIS_UM / (resolution * 2 ** level)


def grow_and_label(level_mask, radius_px):
    """Evaluation mask from a level-L ground-truth image with values 0 / 255.

    level_mask: 2-D uint8 array (rows = y, columns = x) at the evaluation level,
    i.e. channel 0 of what openslide's read_region returned in the original.
    """
    channel0 = np.asarray(level_mask).astype(np.int64)
    # original: `nd.distance_transform_edt(255 - pixelarray[:,:,0])`.  Pixels
    # equal to 255 become 0 (the features); every other pixel gets its
    # Euclidean distance, in level-L pixels, to the nearest 255-pixel.
    # (A mask stored as 0/1 instead of 0/255 would make *no* pixel a feature;
    # our masks are 0/255.)
    distance = ndimage.distance_transform_edt(255 - channel0)
    # original: `binary = distance < Threshold` (strict)
    grown = distance < radius_px
    # original: `nd.morphology.binary_fill_holes(binary)` with the default
    # structure: background pixels not 4-connected to the image border are
    # filled (a background pocket joined to the outside only diagonally is a
    # hole).
    filled = ndimage.binary_fill_holes(grown)
    # original: `measure.label(filled_image, connectivity = 2)`: 8-connected,
    # labels 1..N in raster order of first pixel (row-major scan).
    return measure.label(filled, connectivity=2)


def compute_evaluation_mask(level_mask, resolution=L0_RESOLUTION, level=EVALUATION_MASK_LEVEL):
    """Port of computeEvaluationMask (the halved growth radius included)."""
    return grow_and_label(level_mask, camelyon16_growth_radius_px(resolution, level))


def compute_itc_list(evaluation_mask, resolution=L0_RESOLUTION, level=EVALUATION_MASK_LEVEL):
    """Port of computeITCList: labels whose major axis is below 275 µm.

    skimage's major_axis_length of a 2-D region is 4 * sqrt(l1), l1 the larger
    eigenvalue of the covariance matrix (divided by the pixel count N, not
    N - 1) of the region's pixel (row, col) indices.  It is measured on the
    evaluation mask, i.e. after growth and hole filling.
    """
    max_label = int(np.amax(evaluation_mask)) if np.size(evaluation_mask) else 0
    properties = measure.regionprops(evaluation_mask)
    limit = itc_major_axis_limit_px(resolution, level)
    itc = []
    # original: `for i in range(0, max_label): if properties[i]...: append(i+1)`
    # (regionprops is sorted by label and measure.label's labels are 1..N
    # without gaps, so properties[i] is label i+1).
    for i in range(max_label):
        if properties[i].axis_major_length < limit:
            itc.append(i + 1)
    return itc


def major_axis_lengths(evaluation_mask):
    return [float(p.axis_major_length) for p in measure.regionprops(evaluation_mask)]


def compute_fp_tp_probs(ys, xs, probs, is_tumor, evaluation_mask, itc_labels, level=EVALUATION_MASK_LEVEL):
    """Port of compute_FP_TP_Probs.

    Returns (fp_probs: list of float, in input order,
             tp_probs: float32 array of length max_label,
             num_tumors: int, hits: {label: (prob, x, y)} of the kept hits).
    """
    if is_tumor:
        max_label = int(np.amax(evaluation_mask))
    else:
        # original __main__: `evaluation_mask = 0` for non-tumour slides, so
        # np.amax(0) == 0 and TP_probs is empty
        max_label = 0
    fp_probs = []
    # QUIRK (original): `TP_probs = np.zeros((max_label,), dtype=np.float32)`.
    # Hit probabilities are stored rounded to float32, while FP probabilities
    # stay Python floats (float64).  Both go into one threshold set later, so
    # a TP at 0.9 (stored 0.89999998) and an FP at 0.9 are two thresholds.
    # ITC labels and missed lesions keep the value 0.0 and are part of the
    # array (and of the threshold set).
    tp_probs = np.zeros((max_label,), dtype=np.float32)
    hits = {}
    divisor = 2 ** level
    if is_tumor:
        for x, y, p in zip(xs, ys, probs):
            # original: `evaluation_mask[Ycorr[i]/pow(2, level), Xcorr[i]/pow(2, level)]`
            # -- Python 2 `/` on ints is floor division; row = y // 2^L,
            # column = x // 2^L.  (In Python 3 this must be `//`.)  Negative
            # or too-large coordinates are not checked by the original (a
            # negative index would wrap around); Arbiter rejects them.
            hit_label = int(evaluation_mask[int(y) // divisor, int(x) // divisor])
            if hit_label == 0:
                fp_probs.append(float(p))
            elif hit_label not in itc_labels:
                # original: `if (Probs[i] > TP_probs[HittedLabel-1])`.
                # QUIRK: strictly greater than the stored float32 value, which
                # starts at 0 -- a hit with confidence 0.0 is never recorded
                # (the lesion stays "missed"), and a later equal confidence
                # does not replace an earlier one.  The comparison is between
                # a Python float and a numpy float32 scalar: NumPy >= 2 casts
                # the Python float to float32 first (NEP 50); the stored
                # value is float32(max) either way.
                if float(p) > tp_probs[hit_label - 1]:
                    tp_probs[hit_label - 1] = p
                    hits[hit_label] = (float(p), int(x), int(y))
            # else: a point on an ITC region is neither TP nor FP (ignored)
    else:
        for p in probs:
            fp_probs.append(float(p))
    num_tumors = max_label - len(itc_labels)
    return fp_probs, tp_probs, num_tumors, hits


def compute_froc(fp_probs_per_file, tp_probs_per_file, num_tumors_per_file):
    """Port of computeFROC.  One entry per *submitted* file, in any order.

    Returns (thresholds, total_fps_per_slide, total_sensitivity) where
    thresholds[k] is the threshold of point k (the appended end point has
    threshold None).
    """
    # Keep the original's element types, because they decide how the counts
    # compare: FP probabilities are Python floats (float64); TP entries are
    # numpy float32 scalars (elements of the float32 TP_probs arrays).
    unlisted_fps = [float(v) for sub in fp_probs_per_file for v in sub]
    unlisted_tps = [v for sub in tp_probs_per_file for v in np.asarray(sub, dtype=np.float32)]
    # original: `all_probs = sorted(set(unlisted_FPs + unlisted_TPs))`.  Equal
    # values dedupe across types (np.float32(0.5) == 0.5 and hashes alike);
    # float32(0.9) = 0.89999998 and 0.9 stay two thresholds.
    all_probs = sorted(set(unlisted_fps + unlisted_tps))
    fps_arr = np.asarray(unlisted_fps)          # float64 (empty list -> float64 too)
    tps_arr = np.asarray(unlisted_tps) if unlisted_tps else np.asarray([], dtype=np.float32)
    total_fps, total_tps, thresholds = [], [], []
    # QUIRK (original): `for Thresh in all_probs[1:]` -- the lowest distinct
    # value is never used as a threshold.  It is usually the 0.0 of a missed
    # lesion or an ITC label (harmless), but when every lesion of every
    # submitted tumour slide was hit and no slide has an ITC, it is the
    # lowest real confidence, and the curve never reaches the point where
    # all detections are accepted.
    #
    # QUIRK (NumPy 2 promotion, NEP 50): `np.asarray(unlisted_TPs) >= Thresh`
    # compares a float32 array with the threshold.  A Python-float threshold
    # (one that came from an FP) is *cast to float32* first, so an FP-derived
    # threshold 0.45 counts a TP stored as float32(0.45) = 0.44999999 as
    # reaching it.  A float32 threshold (from a TP) compares exactly.  The FP
    # array is float64, so FP counts compare in float64 against the
    # threshold's exact value (a float32 threshold widened exactly).
    # In short, for every threshold t (as a float64 value):
    #     TP(t) = #{tp32 >= float32(t)},   FP(t) = #{fp64 >= t}.
    for thresh in all_probs[1:]:
        thresholds.append(float(thresh))
        total_fps.append(int((fps_arr >= thresh).sum()))
        total_tps.append(int((tps_arr >= thresh).sum()))
    # original: `total_FPs.append(0); total_TPs.append(0)`
    thresholds.append(None)
    total_fps.append(0)
    total_tps.append(0)
    # QUIRK (original): `total_FPs = np.asarray(total_FPs)/float(len(FROC_data[0]))`
    # -- divided by the number of *submitted result files*, not the number of
    # slides in the ground truth; and the sensitivity denominator
    # `sum(FROC_data[3])` only counts the (non-ITC) tumours of submitted files.
    num_files = len(fp_probs_per_file)
    total_fps_rate = np.asarray(total_fps, dtype=np.float64) / float(num_files)
    denom = float(sum(num_tumors_per_file))
    with np.errstate(invalid="ignore", divide="ignore"):
        total_sensitivity = np.asarray(total_tps, dtype=np.float64) / denom
    return thresholds, total_fps, total_tps, total_fps_rate, total_sensitivity


def sensitivities_at(total_fps_rate, total_sensitivity, points=FP_PER_SLIDE_POINTS):
    """np.interp of the curve at the given FP-per-slide values.

    The curve runs from the lowest threshold (most FPs) to the appended (0, 0)
    point, so FPs are non-increasing; np.interp needs increasing x, hence the
    reversal.  np.interp semantics (numpy 2.4): for x below xp[0] -> fp[0];
    above xp[-1] -> fp[-1]; otherwise j = the *last* index with xp[j] <= x;
    if xp[j] == x -> fp[j], else linear between j and j+1.  With repeated x
    values (several thresholds with the same FP count) this picks the last of
    the run in reversed order, i.e. the point of the *lowest* threshold with
    that FP count -- the highest sensitivity.
    """
    xp = np.asarray(total_fps_rate, dtype=np.float64)[::-1]
    fp = np.asarray(total_sensitivity, dtype=np.float64)[::-1]
    return [float(v) for v in np.interp(points, xp, fp)]


def evaluate_camelyon16(slides, predictions, resolution=L0_RESOLUTION, level=EVALUATION_MASK_LEVEL):
    """The whole original pipeline on Arbiter-style inputs.

    slides: ordered dict case_id -> {"level_mask": uint8 array (0/255) or None,
                                     "is_tumor": bool}
    predictions: dict case_id -> list of (x, y, confidence); a case id present
                 as a key is a submitted file (it should have >= 1 row).
    """
    per_slide = {}
    fp_lists, tp_lists, tumor_counts = [], [], []
    for case_id in slides:
        if case_id not in predictions:
            continue
        info = slides[case_id]
        pts = predictions[case_id]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        ps = [p[2] for p in pts]
        if info["is_tumor"]:
            emask = compute_evaluation_mask(info["level_mask"], resolution, level)
            itc = compute_itc_list(emask, resolution, level)
        else:
            emask = np.zeros((1, 1), dtype=np.int64)
            itc = []
        fp_probs, tp_probs, num_tumors, hits = compute_fp_tp_probs(
            ys, xs, ps, info["is_tumor"], emask, itc, level)
        fp_lists.append(fp_probs)
        tp_lists.append(tp_probs)
        tumor_counts.append(num_tumors)
        per_slide[case_id] = {
            "regions": int(np.amax(emask)) if info["is_tumor"] else 0,
            "itc_labels": itc,
            "num_tumors": num_tumors,
            "fp_probs": fp_probs,
            "tp_probs": [float(v) for v in tp_probs],
        }
    thresholds, fps, tps, fps_rate, sens = compute_froc(fp_lists, tp_lists, tumor_counts)
    six = sensitivities_at(fps_rate, sens)
    return {
        "submitted_cases": list(per_slide),
        "per_slide": per_slide,
        "thresholds": thresholds,
        "total_fp": fps,
        "total_tp": tps,
        "fp_per_slide": [float(v) for v in fps_rate],
        "sensitivity": [float(v) for v in sens],
        "sensitivities": six,
        "score": float(np.mean(six)),
    }


# ===========================================================================
# Arbiter's `protocol: froc` -- the documented behaviour.  Not a port.
# ===========================================================================
def froc_documented(slides, predictions, resolution=L0_RESOLUTION, level=EVALUATION_MASK_LEVEL):
    """Documented CAMELYON16 FROC, as Arbiter's default `protocol: froc`.

    Differences from `evaluate_camelyon16` (everything else is identical:
    same level, pixel size, hole filling, 8-connected labels, ITC rule with
    the same 275 µm major-axis limit measured on the grown mask, point ->
    mask pixel (y // 2^L, x // 2^L), max confidence per hit lesion, every
    point on a lesion-free slide an FP, np.interp at the same six points):
      1. regions grow by the documented 75 µm: radius 75 / (0.243 * 2^L)
         = 9.6451 px at level 5 (`distance < radius`, strict);
      2. no threshold is dropped: thresholds are all distinct confidences of
         the FP points and of the hit lesions' (max) confidences; the 0.0
         placeholders of missed lesions / ITC labels are not thresholds and
         not hits.  A hit with confidence 0.0 counts as a hit (at threshold 0);
      3. FP counts are divided by the number of slides in the ground truth,
         and the sensitivity denominator counts the non-ITC lesions of all
         ground-truth slides, submitted rows or not;
      4. confidences stay float64 (no float32 rounding).
    The curve is the thresholds ascending, then the appended (0 FP, 0 TP)
    point, exactly like the port.
    """
    radius = documented_growth_radius_px(resolution, level)
    per_slide = {}
    fp_all, hit_all = [], []
    total_lesions = 0
    for case_id, info in slides.items():
        pts = predictions.get(case_id, [])
        fp_probs = []
        best = {}
        if info["is_tumor"]:
            emask = grow_and_label(info["level_mask"], radius)
            itc = compute_itc_list(emask, resolution, level)
            regions = int(np.amax(emask))
            for x, y, p in pts:
                lab = int(emask[int(y) // 2 ** level, int(x) // 2 ** level])
                if lab == 0:
                    fp_probs.append(float(p))
                elif lab not in itc:
                    if lab not in best or float(p) > best[lab]:
                        best[lab] = float(p)
        else:
            itc, regions = [], 0
            fp_probs = [float(p) for _, _, p in pts]
        num_tumors = regions - len(itc)
        total_lesions += num_tumors
        fp_all.extend(fp_probs)
        hit_all.extend(best.values())
        per_slide[case_id] = {
            "regions": regions,
            "itc_labels": itc,
            "num_tumors": num_tumors,
            "fp_probs": fp_probs,
            "hit_probs": {str(k): v for k, v in sorted(best.items())},
        }
    thresholds = sorted(set(fp_all + hit_all))
    fp_arr = np.asarray(fp_all, dtype=np.float64)
    hit_arr = np.asarray(hit_all, dtype=np.float64)
    fps = [int((fp_arr >= t).sum()) for t in thresholds] + [0]
    tps = [int((hit_arr >= t).sum()) for t in thresholds] + [0]
    n_slides = len(slides)
    fps_rate = np.asarray(fps, dtype=np.float64) / float(n_slides)
    with np.errstate(invalid="ignore", divide="ignore"):
        sens = np.asarray(tps, dtype=np.float64) / float(total_lesions)
    six = sensitivities_at(fps_rate, sens)
    return {
        "num_slides": n_slides,
        "num_lesions": total_lesions,
        "per_slide": per_slide,
        "thresholds": list(thresholds) + [None],
        "total_fp": fps,
        "total_tp": tps,
        "fp_per_slide": [float(v) for v in fps_rate],
        "sensitivity": [float(v) for v in sens],
        "sensitivities": six,
        "score": float(np.mean(six)),
    }
