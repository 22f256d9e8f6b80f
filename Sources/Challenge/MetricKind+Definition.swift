extension MetricKind {
    /// How the metric is computed, for participants' documentation and the challenge report.
    public var definition: String {
        switch self {
        case .costMatrix: "Mean over cases of 1 − E[truth][prediction] for the challenge's cost matrix E (lower-is-better phases report the mean of E)."
        case .accuracy: "Share of cases whose predicted class equals the true class."
        case .quadraticWeightedKappa: "Cohen's kappa with quadratic weights over the ordered classes (scikit-learn's cohen_kappa_score, weights='quadratic')."
        case .classRecall: "For each class, the share of its cases predicted as that class."
        case .auroc: "For each class, the one-vs-rest area under the ROC curve of the submitted probabilities, ties counted as half."
        case .macroAUROC: "Mean of the per-class one-vs-rest AUROCs that are defined."
        case .frocScore: "Mean lesion sensitivity at 1/4, 1/2, 1, 2, 4 and 8 false positives per slide on the FROC curve (CAMELYON16), interpolated as numpy.interp."
        case .frocSensitivity: "Lesion sensitivity at each stated false-positive rate per slide on the FROC curve."
        case .picaiScore: "(case-level AUROC + lesion-level average precision) / 2, as picai_eval 1.4.13 computes them."
        case .caseAUROC: "Area under the ROC curve of the case confidences (the maximum of each detection map) against whether the case has a lesion."
        case .averagePrecision: "Lesion-level average precision over all candidates and missed lesions (picai_eval's step integral; missed lesions count with precision 0)."
        case .lesionSensitivity: "Share of lesions detected at each stated number of false positives per case (picai_eval's lesion_TPR_at_FPR)."
        case .dice: "2|R∩P| / (|R| + |P|); 1 when both masks are empty (Metrics Reloaded)."
        case .iou: "|R∩P| / |R∪P|; taken as 1 when both masks are empty, as Dice is."
        case .hausdorff: "The larger of the two directed maximum border-to-border distances, in mm (µm for slides); the grid's diagonal when exactly one mask is empty."
        case .hausdorff95: "The larger of the two directed 95th percentiles (numpy's linear percentile) of border-to-border distances; the grid's diagonal when exactly one mask is empty."
        case .surfaceDice: "Share of border points of both masks within the tolerance of the other mask's border (normalised surface distance), at each stated tolerance."
        }
    }
}
