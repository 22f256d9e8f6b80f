import Scoring

/// The metrics a slide-classification phase can report.
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

    /// The readable name of the metric.
    public var title: String {
        switch self {
        case .costMatrix: "Cost-matrix score"
        case .accuracy: "Accuracy"
        case .quadraticWeightedKappa: "Quadratic weighted kappa"
        case .classRecall: "Recall"
        case .auroc: "AUROC"
        case .macroAUROC: "Macro AUROC"
        }
    }

    /// Whether the metric only exists when predictions carry probabilities.
    public var needsProbabilities: Bool {
        self == .auroc || self == .macroAUROC
    }
}
