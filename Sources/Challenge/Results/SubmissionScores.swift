import Scoring

/// The scores of one submission on one phase: per-case values and, per split, the aggregates.
public struct SubmissionScores: Sendable, Equatable {
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
