import Scoring

/// The details kept with a split's aggregates: the confusion matrix and counts of a classification, or the
/// metrics, per-case values and curves of a lesion or segmentation task.
public enum EvaluationSummary: Sendable, Equatable, Encodable {
    /// The summary, with one-vs-rest ROC curves per class when probabilities were submitted.
    case classification(ClassificationSummary, curves: [TaskEvaluation.Curve])
    case lesions(TaskEvaluation)

    public var classification: ClassificationSummary? {
        if case .classification(let summary, _) = self { return summary }
        return nil
    }

    private enum Keys: String, CodingKey { case curves }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .classification(let summary, let curves):
            try summary.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(curves, forKey: .curves)
        case .lesions(let evaluation):
            var container = encoder.singleValueContainer()
            try container.encode(evaluation)
        }
    }
}

