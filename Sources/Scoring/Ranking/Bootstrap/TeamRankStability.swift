/// How one team's rank moves over the bootstrap resamples.
public struct TeamRankStability: Sendable, Equatable {
    /// `rankCounts[r - 1]`: the number of resamples in which the team has rank r (r = 1...teamCount).
    public let rankCounts: [Int]
    /// The 2.5th percentile of the team's resample ranks (numpy's "linear" method, see `Percentile`).
    public let rankIntervalLower: Double
    /// The 97.5th percentile of the team's resample ranks (numpy's "linear" method).
    public let rankIntervalUpper: Double
    /// The share of resamples in which the team has rank 1 (ties for first included).
    public let probabilityFirst: Double
}
