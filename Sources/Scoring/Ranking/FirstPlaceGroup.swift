/// The teams not significantly worse than the leader on one metric: the leader is compared with every
/// other team by the one-sided Wilcoxon signed-rank test "leader better than j" (normal approximation,
/// continuity correction) on the cases where both have a value, the T−1 p-values are Holm-adjusted
/// (statsmodels' `multipletests`), and team j stays in the group unless its adjusted p-value is ≤ alpha.
/// A comparison without any non-zero difference has no p-value and keeps the team in the group.
public struct FirstPlaceGroup: Sendable, Equatable {
    /// The team everyone is compared with.
    public let reference: Int
    /// The significance level.
    public let alpha: Double
    /// `pValues[team]`: the raw one-sided p-value; nil for the reference and for undefined tests.
    public let pValues: [Double?]
    /// `adjustedPValues[team]`: the Holm-adjusted p-value; nil where `pValues` is nil.
    public let adjustedPValues: [Double?]
    /// `members[team]`: true for the reference and every team not significantly worse than it.
    public let members: [Bool]
}
