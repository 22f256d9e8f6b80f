import Scoring

extension ChallengeSpec {
    /// The cost-matrix metric whose matrix classification scores with, if the challenge has one.
    public var costMatrixMetric: MetricSpec? {
        metrics.all.first { $0.kind == .costMatrix }
    }

    /// The classification summary of `outcomes` with this challenge's cost matrix.
    public func classificationSummary(_ outcomes: ClassificationOutcomes) -> ClassificationSummary {
        ClassificationSummary(outcomes, costMatrix: costMatrixMetric?.costMatrix,
                              costDirection: costMatrixMetric?.direction ?? .higherIsBetter)
    }

    /// Each classification column's value (`resultColumns`' keys) in `summary`: what a team's split result stores, and
    /// what a human reader is scored with.
    public func columnValues(_ summary: ClassificationSummary) -> [String: Double?] {
        var values: [String: Double?] = [:]
        for metric in metrics.all {
            switch metric.kind {
            case .costMatrix: values[metric.kind.rawValue] = summary.costMatrixScore
            case .accuracy: values[metric.kind.rawValue] = summary.accuracy
            case .quadraticWeightedKappa: values[metric.kind.rawValue] = summary.quadraticWeightedKappa
            case .macroAUROC: values[metric.kind.rawValue] = summary.macroAUROC
            case .classRecall:
                for (label, recall) in zip(task.classes, summary.recallPerClass) {
                    values["recall:\(label.id)"] = recall
                }
            case .auroc:
                for (index, label) in task.classes.enumerated() {
                    values["auroc:\(label.id)"] = summary.aurocPerClass?[index]
                }
            default:
                break  // lesion and segmentation metrics belong to other tasks
            }
        }
        return values
    }
}
