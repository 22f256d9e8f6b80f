/// Wilcoxon signed-rank test on paired samples with the normal approximation, exactly as
/// `scipy.stats.wilcoxon(x, y, zero_method="wilcox", correction=True, method="approx", alternative=...)`
/// and R's `wilcox.test(x, y, paired=TRUE, exact=FALSE, correct=TRUE)` compute it.
///
/// - Zero differences are dropped before ranking ("wilcox"); `n` is the number of non-zero differences.
/// - |d| gets average ranks; `r_plus`/`r_minus` sum the ranks of the positive/negative differences.
/// - z = (r_plus − n(n+1)/4) / σ − s·0.5/σ with σ² = (n(n+1)(2n+1) − Σ(t³ − t)/2) / 24 over the tie
///   groups t of |d|, and the continuity sign s = +1 for `greater`, −1 for `less`, sign(z) for two-sided.
/// - p = Φ(z) for `less`, Φ(−z) for `greater`, 2·Φ(−|z|) for two-sided (SciPy's `ndtr`, see `NormalDistribution`).
///
/// Degenerate inputs mirror SciPy 1.17 rather than inventing a value: when every difference is zero
/// the statistic is 0 and `z` and `pValue` are NaN (SciPy also warns); for empty samples all three are NaN.
public struct WilcoxonSignedRank: Sendable, Equatable {
    /// The alternative the p-value is for.
    public let alternative: TestAlternative
    /// Number of non-zero differences, the `n` of the test.
    public let nonZeroCount: Int
    /// Number of zero differences, which were dropped.
    public let zeroCount: Int
    /// Sum of the ranks of the positive differences (R's `V`).
    public let rankSumPositive: Double
    /// Sum of the ranks of the negative differences.
    public let rankSumNegative: Double
    /// SciPy's reported statistic: `rankSumPositive` for `less` and `greater`,
    /// `min(rankSumPositive, rankSumNegative)` for two-sided.
    public let statistic: Double
    /// SciPy's `zstatistic`, continuity-corrected; for two-sided it is −|z|.
    public let z: Double
    /// The p-value for `alternative`; NaN when there is no non-zero difference.
    public let pValue: Double

    /// Tests the paired differences `x[i] - y[i]`.
    public init(_ x: [Double], _ y: [Double], alternative: TestAlternative) throws(StatisticsError) {
        guard x.count == y.count else { throw .lengthMismatch(first: x.count, second: y.count) }
        try StatisticsError.requireFinite(x, sample: "x")
        try StatisticsError.requireFinite(y, sample: "y")
        try self.init(differences: zip(x, y).map { $0 - $1 }, alternative: alternative)
    }

    /// Tests differences that are already computed.
    public init(differences: [Double], alternative: TestAlternative) throws(StatisticsError) {
        try StatisticsError.requireFinite(differences, sample: "differences")
        let sums = SignedRankSums(nonZeroDifferences: differences.filter { $0 != 0 })
        let test = sums.normalApproximation(alternative)
        self.alternative = alternative
        nonZeroCount = sums.count
        zeroCount = differences.count - sums.count
        rankSumPositive = differences.isEmpty ? .nan : sums.positive
        rankSumNegative = differences.isEmpty ? .nan : sums.negative
        switch alternative {
        case .less, .greater: statistic = rankSumPositive
        case .twoSided: statistic = Swift.min(rankSumPositive, rankSumNegative)
        }
        z = differences.isEmpty ? .nan : test.z
        pValue = differences.isEmpty ? .nan : test.pValue
    }
}
