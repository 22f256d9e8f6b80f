/// A square matrix of error costs `E[true][predicted]`, as the 2020 cervical-biopsy
/// challenge scored its four grades: a confusion between distant grades costs more.
public struct CostMatrix: Sendable, Equatable, Codable {
    public let classCount: Int
    /// Row-major costs: `costs[truth * classCount + predicted]`.
    public let costs: [Double]

    /// Fails when the rows are not all `rows.count` long.
    public init?(rows: [[Double]]) {
        guard !rows.isEmpty, rows.allSatisfy({ $0.count == rows.count }) else { return nil }
        self.classCount = rows.count
        self.costs = rows.flatMap { $0 }
    }

    public subscript(truth: Int, predicted: Int) -> Double {
        costs[truth * classCount + predicted]
    }

    public var rows: [[Double]] {
        (0..<classCount).map { Array(costs[($0 * classCount)..<($0 * classCount + classCount)]) }
    }

    /// The per-case value: `1 - E[t][p]` when higher is better (the challenge's form), `E[t][p]` otherwise.
    public func caseValue(truth: Int, predicted: Int, direction: MetricDirection) -> Double {
        let cost = self[truth, predicted]
        return direction == .higherIsBetter ? 1 - cost : cost
    }

    /// Mean of the per-case values; nil for no cases.
    public func score(_ outcomes: ClassificationOutcomes, direction: MetricDirection) -> Double? {
        guard outcomes.caseCount > 0 else { return nil }
        var sum = 0.0
        for (truth, predicted) in zip(outcomes.truth, outcomes.predicted) {
            sum += caseValue(truth: truth, predicted: predicted, direction: direction)
        }
        return sum / Double(outcomes.caseCount)
    }
}
