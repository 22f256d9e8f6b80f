/// The per-case values of one metric for every team, as the ranking input.
public struct MetricScores: Sendable, Equatable {
    /// The metric's name, used in error messages.
    public var name: String
    /// Which way the metric points.
    public var direction: MetricDirection
    /// False for a metric shown on the leaderboard that does not count towards the final rank.
    public var includedInRanking: Bool
    /// `values[team][case]`; nil where the metric has no value for that team and case.
    public var values: [[Double?]]

    /// The values of one metric; every row must have one entry per case.
    public init(name: String, direction: MetricDirection, includedInRanking: Bool = true, values: [[Double?]]) {
        self.name = name
        self.direction = direction
        self.includedInRanking = includedInRanking
        self.values = values
    }
}
