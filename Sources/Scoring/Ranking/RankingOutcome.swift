/// A ranking of every team of a `ScoreTable`, with the numbers behind it.
public struct RankingOutcome: Sendable, Equatable {
    /// `metricScores[metric][team]`: what the metric's ranking sorts, by scheme the aggregated value,
    /// the aggregated per-case rank, or the share of teams beaten significantly. Excluded metrics too.
    public let metricScores: [[Double]]
    /// `metricRanks[metric][team]`: the ranking by each metric alone, excluded metrics too.
    public let metricRanks: [[Int]]
    /// `combinedScores[team]`: the aggregated ranks of the metrics included in the ranking.
    public let combinedScores: [Double]
    /// `ranks[team]`: the final rank, 1 is best, ties share the smallest rank.
    public let ranks: [Int]

    /// The team that leads: the lowest index among the teams ranked 1.
    public var leader: Int {
        ranks.firstIndex(of: 1) ?? 0
    }
}
