/// Cohen's kappa between two readers, over the items both of them read.
///
/// With O the table of observed counts (`O[i][j]`: items reader A put in category i and reader B in j), E the
/// table expected from the two readers' marginals (`E[i][j] = rowᵢ · columnⱼ / n`) and w the weights,
///
///     κ = 1 − Σ w·O / Σ w·E
///
/// which is scikit-learn's `cohen_kappa_score(y1, y2, labels=range(K), weights=None|"linear"|"quadratic")` for the
/// built-in weights (A is `y1`). For a non-symmetric custom matrix E is oriented as O (A's marginal on the rows);
/// scikit-learn offers no custom weights.
///
/// Undefined (NaN, as scikit-learn returns by default): no item read by both, or Σ w·E = 0, as when both readers
/// used one and the same category and every item agrees.
public enum CohenKappa {
    /// κ between readers `readerA` and `readerB` of `reads`.
    public static func value(
        _ reads: AgreementReads, readerA: Int, readerB: Int, weights: KappaWeights = .unweighted
    ) throws(AgreementError) -> Double {
        let statistic = AgreementStatistic.cohenKappa(readerA: readerA, readerB: readerB, weights: weights)
        return try statistic.value(reads)
    }

    /// κ of a confusion table `counts[i * k + j]` (A = i, B = j) with row-major weights of the same size.
    static func value(counts: [Int], categoryCount k: Int, weights: [Double]) -> Double {
        var rows = [Int](repeating: 0, count: k)
        var columns = [Int](repeating: 0, count: k)
        for i in 0..<k {
            for j in 0..<k {
                rows[i] += counts[i * k + j]
                columns[j] += counts[i * k + j]
            }
        }
        let total = rows.reduce(0, +)
        guard total > 0 else { return .nan }
        var observed = 0.0
        var expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                observed += weights[i * k + j] * Double(counts[i * k + j])
                expected += weights[i * k + j] * (Double(rows[i]) * Double(columns[j]) / Double(total))
            }
        }
        guard expected != 0 else { return .nan }
        return 1 - observed / expected
    }

    /// κ on the items of `patterns` weighted by `multiplicities`.
    static func value(
        _ patterns: ReadingPatterns, multiplicities: [Int], readerA: Int, readerB: Int, weights: [Double]
    ) -> Double {
        let k = patterns.categoryCount
        var counts = [Int](repeating: 0, count: k * k)
        for pattern in 0..<patterns.patternCount where multiplicities[pattern] > 0 {
            let a = patterns.label(pattern: pattern, reader: readerA)
            let b = patterns.label(pattern: pattern, reader: readerB)
            if a >= 0, b >= 0 { counts[a * k + b] += multiplicities[pattern] }
        }
        return value(counts: counts, categoryCount: k, weights: weights)
    }
}
