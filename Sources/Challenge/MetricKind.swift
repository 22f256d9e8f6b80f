import Scoring

/// The metrics a phase can report; `TaskKind.metricKinds` says which belong to which task.
public enum MetricKind: String, Sendable, Codable, CaseIterable {
    /// Mean of `1 - E[true][pred]` (or of `E` when lower is better) over a cost matrix `E`.
    case costMatrix = "cost-matrix"
    case accuracy
    /// Cohen's kappa with quadratic weights over the full, ordered class list.
    case quadraticWeightedKappa = "quadratic-weighted-kappa"
    /// Recall of each class, one column per class.
    case classRecall = "class-recall"
    /// One-vs-rest AUROC of each class from the `p_<class>` columns, one column per class.
    case auroc
    /// Mean of the per-class one-vs-rest AUROCs that are defined.
    case macroAUROC = "macro-auroc"
    /// Mean sensitivity at the FROC's false-positive rates.
    case frocScore = "froc-score"
    /// Sensitivity at each FROC false-positive rate, one column per rate.
    case frocSensitivity = "froc-sensitivity"
    /// (case AUROC + lesion AP) / 2, the PI-CAI ranking score.
    case picaiScore = "picai-score"
    case caseAUROC = "case-auroc"
    case averagePrecision = "average-precision"
    /// Lesion sensitivity at each detection false-positive rate, one column per rate.
    case lesionSensitivity = "lesion-sensitivity"
    case dice
    case iou
    case hausdorff
    case hausdorff95
    /// Normalised surface distance at each tolerance, one column per tolerance.
    case surfaceDice = "surface-dice"

    /// The readable name of the metric.
    public var title: String {
        switch self {
        case .costMatrix: "Cost-matrix score"
        case .accuracy: "Accuracy"
        case .quadraticWeightedKappa: "Quadratic weighted kappa"
        case .classRecall: "Recall"
        case .auroc: "AUROC"
        case .macroAUROC: "Macro AUROC"
        case .frocScore: "FROC score"
        case .frocSensitivity: "Sensitivity"
        case .picaiScore: "PI-CAI score"
        case .caseAUROC: "Case AUROC"
        case .averagePrecision: "Average precision"
        case .lesionSensitivity: "Lesion sensitivity"
        case .dice: "Dice"
        case .iou: "IoU"
        case .hausdorff: "Hausdorff distance"
        case .hausdorff95: "HD95"
        case .surfaceDice: "NSD"
        }
    }

    /// The direction that is better; only the cost matrix lets the organiser choose.
    public var naturalDirection: MetricDirection {
        self == .hausdorff || self == .hausdorff95 ? .lowerIsBetter : .higherIsBetter
    }

    /// Whether the metric only exists when predictions carry probabilities.
    public var needsProbabilities: Bool {
        self == .auroc || self == .macroAUROC
    }
}
