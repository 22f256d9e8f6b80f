/// How the per-case values of one metric become a ranking of the teams.
///
/// Every scheme gives tied teams the smallest rank of their tie (1, 2, 2, 4). Missing values:
/// - `aggregateThenRank`: a missing value is replaced by the worst value observed for the metric over
///   all teams and cases (the minimum if higher is better, the maximum if lower is better), computed once
///   on the full table (bootstrap resamples reuse it).
/// - `rankThenAggregate`: in each case the teams with a value are ranked among themselves and the teams
///   without one share the next rank, (number of teams with a value) + 1, behind all of them.
/// - `testThenRank`: each pair of teams is compared on the cases where both have a value.
public enum RankingScheme: Sendable, Hashable {
    /// Aggregate each team's values over the cases, then rank the aggregates in the metric's direction.
    case aggregateThenRank(Aggregation)
    /// Rank the teams within each case, aggregate each team's ranks over the cases, then rank those
    /// (lower is better).
    case rankThenAggregate(Aggregation)
    /// challengeR's test-based ranking: team i beats team j when the one-sided Wilcoxon signed-rank test
    /// (normal approximation, continuity correction) of "i better than j" has p ≤ `alpha`, after the
    /// optional `adjustment` over all T(T−1) ordered pairs (none by default, as in challengeR; Holm counts
    /// undefined tests in m, like statsmodels). A pair without any non-zero difference on the cases both
    /// teams have is not significant. A team's score is the share of the other T−1 teams it beats (0 for
    /// a lone team), ranked higher is better.
    case testThenRank(alpha: Double = 0.05, adjustment: PValueAdjustment = .none)
}
