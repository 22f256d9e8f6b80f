import Scoring

/// The scores of one submission on one phase: per-case values and, per split, the aggregates.
public struct Evaluation: Sendable, Equatable {
    /// One stored per-case number.
    public struct CaseValue: Sendable, Equatable {
        /// Index into the phase's cases, as passed to the evaluator.
        public let caseIndex: Int
        public let key: String
        public let value: Double

        public init(caseIndex: Int, key: String, value: Double) {
            self.caseIndex = caseIndex
            self.key = key
            self.value = value
        }
    }

    /// Aggregates and the full summary of one split.
    public struct SplitResult: Sendable, Equatable {
        public let split: Split
        /// One value per result column, nil where the metric is undefined on these cases.
        public let values: [String: Double?]
        public let summary: EvaluationSummary

        public init(split: Split, values: [String: Double?], summary: EvaluationSummary) {
            self.split = split
            self.values = values
            self.summary = summary
        }
    }

    public let caseValues: [CaseValue]
    public let splits: [SplitResult]

    public init(caseValues: [CaseValue], splits: [SplitResult]) {
        self.caseValues = caseValues
        self.splits = splits
    }
}

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

