import ArgumentParser
import Challenge
import Scoring

/// The `--weights` of Cohen's kappa that `score agreement` and `study agreement` take, and how each becomes the
/// statistic's weights.
enum AgreementWeights: String, ExpressibleByArgument, CaseIterable {
    case none, linear, quadratic
    case costMatrix = "cost-matrix"

    /// The weights for labels that are `ordered` (or not), the cost matrix taken from `challenge`'s cost-matrix metric.
    /// `unorderedAdvice` says how to get ordered labels; `specName` names the spec in a missing-matrix message.
    func kappaWeights(ordered: Bool, challenge: ChallengeSpec?, unorderedAdvice: String, specName: String) throws -> KappaWeights {
        switch self {
        case .none: return .unweighted
        case .linear, .quadratic:
            guard ordered else { throw ValidationError("--weights \(rawValue) needs ordered labels: \(unorderedAdvice)") }
            return self == .linear ? .linear : .quadratic
        case .costMatrix:
            guard let challenge, let matrix = challenge.metrics.all.lazy.compactMap(\.costMatrix).first else {
                throw ValidationError("\(specName) has no cost-matrix metric, so --weights cost-matrix has no matrix")
            }
            return .custom(matrix)
        }
    }
}
