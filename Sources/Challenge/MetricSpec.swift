import Scoring

/// One metric a phase reports, as the organiser configured it.
public struct MetricSpec: Sendable, Equatable, Codable {
    public let kind: MetricKind
    public let direction: MetricDirection
    /// Present exactly when `kind` is `.costMatrix`.
    public let costMatrix: CostMatrix?

    public init(kind: MetricKind, direction: MetricDirection = .higherIsBetter, costMatrix: CostMatrix? = nil) {
        self.kind = kind
        self.direction = direction
        self.costMatrix = costMatrix
    }
}

/// The metrics of a challenge: one ranks, the rest are shown beside it.
public struct MetricsSpec: Sendable, Equatable, Codable {
    public let primary: MetricSpec
    public let secondary: [MetricSpec]

    public init(primary: MetricSpec, secondary: [MetricSpec]) {
        self.primary = primary
        self.secondary = secondary
    }

    public var all: [MetricSpec] { [primary] + secondary }
}
