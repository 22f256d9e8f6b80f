import Challenge
import Scoring

/// The primary column's value for hard labels, computed as the classification evaluator computes it for a team.
enum HumanLevelMetric {
    static func value(_ outcomes: ClassificationOutcomes, challenge: ChallengeSpec) -> Double? {
        let primary = challenge.metrics.primary
        let summary = ClassificationSummary(
            outcomes, costMatrix: primary.kind == .costMatrix ? primary.costMatrix : nil, costDirection: primary.direction)
        switch primary.kind {
        case .costMatrix: return summary.costMatrixScore
        case .accuracy: return summary.accuracy
        case .quadraticWeightedKappa: return summary.quadraticWeightedKappa
        case .classRecall:
            // The primary column is the first class's recall.
            return summary.recallPerClass.first ?? nil
        default: return nil
        }
    }
}
