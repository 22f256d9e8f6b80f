/// The ranking of all cases and its stability over bootstrap resamples of the cases.
public struct BootstrapResult: Sendable, Equatable {
    /// The seed of a seeded plan, recorded so the run can be repeated; nil for an explicit plan.
    public let seed: UInt64?
    /// The number of resamples.
    public let resampleCount: Int
    /// The ranking on all cases.
    public let fullRanking: RankingOutcome
    /// `resampledRanks[b][team]`: the final rank of each team in resample b.
    public let resampledRanks: [[Int]]
    /// Per team: rank distribution, 95% rank interval and probability of ranking first.
    public let teams: [TeamRankStability]
    /// `kendallTaus[b]`: Kendall's τ-b between the full ranking and resample b's ranking;
    /// NaN when either ranking is constant.
    public let kendallTaus: [Double]
    /// Quartiles of the defined `kendallTaus`; nil when none is defined.
    public let kendallTauQuartiles: QuartileSummary?
}
