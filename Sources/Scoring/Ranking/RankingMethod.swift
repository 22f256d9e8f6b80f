/// A complete ranking rule: the scheme applied to every metric, and how the ranks of the metrics
/// included in the ranking combine into the final rank.
public struct RankingMethod: Sendable, Hashable {
    /// The per-metric scheme.
    public var scheme: RankingScheme
    /// How a team's ranks over the included metrics combine; the combined values are then ranked,
    /// lower is better. With a single included metric the final ranks are that metric's ranks.
    public var metricAggregation: Aggregation

    /// A rule; the default is mean-then-rank on every metric and the mean of the metric ranks.
    public init(scheme: RankingScheme = .aggregateThenRank(.mean), metricAggregation: Aggregation = .mean) {
        self.scheme = scheme
        self.metricAggregation = metricAggregation
    }
}
