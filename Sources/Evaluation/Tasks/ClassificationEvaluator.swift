import Challenge
import Scoring

/// Scores slide-classification predictions against the truth of a phase's cases. Pure.
public struct ClassificationEvaluator: Sendable {
    /// Changes whenever a change to this code could change a number, so stored results are
    /// keyed to the code that produced them.
    public static let scorerVersion = TaskKind.slideClassification.scorerVersion

    public let spec: ChallengeSpec

    public init(spec: ChallengeSpec) {
        self.spec = spec
    }

    /// `cases` and `predictions` are aligned: prediction `i` is for `cases[i]`.
    public func evaluate(cases: [TruthCase], predictions: ClassificationPredictions) -> SubmissionScores {
        let outcomes = ClassificationOutcomes(
            classCount: spec.task.classes.count, truth: cases.map(\.label),
            predicted: predictions.labels, probabilities: predictions.probabilities)
        let splits = Split.allCases.compactMap { split -> SubmissionScores.SplitResult? in
            let indices = cases.indices.filter { cases[$0].split == split }
            guard !indices.isEmpty else { return nil }
            return splitResult(split, outcomes.subset(indices))
        }
        return SubmissionScores(caseValues: caseValues(outcomes), splits: splits)
    }

    private func caseValues(_ outcomes: ClassificationOutcomes) -> [SubmissionScores.CaseValue] {
        var values: [SubmissionScores.CaseValue] = []
        let columns = spec.resultColumns.filter(\.isPerCase)
        values.reserveCapacity(outcomes.caseCount * columns.count)
        for column in columns {
            // Which rule scores a case is the column's, so it is looked up once, not once per case.
            let cost = column.key == MetricKind.costMatrix.rawValue ? spec.costMatrixMetric : nil
            let matrix = cost?.costMatrix
            for index in 0..<outcomes.caseCount {
                let truth = outcomes.truth[index]
                let predicted = outcomes.predicted[index]
                let value = if let cost, let matrix {
                    matrix.caseValue(truth: truth, predicted: predicted, direction: cost.direction)
                } else {
                    truth == predicted ? 1.0 : 0.0
                }
                values.append(.init(caseIndex: index, key: column.key, value: value))
            }
        }
        return values
    }

    private func splitResult(_ split: Split, _ outcomes: ClassificationOutcomes) -> SubmissionScores.SplitResult {
        let summary = spec.classificationSummary(outcomes)
        let values = spec.columnValues(summary)
        return .init(split: split, values: values, summary: .classification(summary, curves: rocCurves(outcomes)))
    }

    /// One-vs-rest ROC curve of each class that has both positive and negative cases, from the probabilities, with only
    /// the points a plot shows (a curve of 1,500 cases keeps about a third of its 1,500 points).
    private func rocCurves(_ outcomes: ClassificationOutcomes) -> [TaskEvaluation.Curve] {
        guard let probabilities = outcomes.probabilities else { return [] }
        let classes = outcomes.classCount
        return spec.task.classes.enumerated().compactMap { index, label in
            let scores = (0..<outcomes.caseCount).map { probabilities[$0 * classes + index] }
            guard let curve = ROCCurve(scores: scores, positive: outcomes.truth.map { $0 == index }, droppingIntermediate: true) else { return nil }
            return TaskEvaluation.Curve(name: "ROC, class \(label.name)", xLabel: "False positive rate", yLabel: "True positive rate",
                                        x: curve.falsePositiveRates, y: curve.truePositiveRates)
        }
    }
}
