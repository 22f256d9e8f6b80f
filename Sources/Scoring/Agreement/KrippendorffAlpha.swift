/// Krippendorff's alpha, as the `krippendorff` package (0.9.0) computes it from the coincidence matrix.
///
/// Only pairable values count: an item with n_u ≥ 2 reads adds (n_uc n_uk − [c = k] n_uc) / (n_u − 1) to the
/// coincidence o_ck, so an item with fewer than two reads adds nothing. With n_c = Σ_k o_ck, n = Σ_c n_c, the
/// expected coincidences e_ck = (n_c n_k − [c = k] n_c) / (n − 1) and δ the level's distance,
///
///     α = 1 − Σ o·δ / Σ e·δ
///
/// Categories nobody used (or used only on items read once) have n_c = 0 and change nothing, so alpha over the
/// study's categories equals the package's value with `value_domain` the categories' positions, and also its value
/// with the domain it infers from the labels (when that has two values or more; with one it raises).
/// Undefined (NaN): no item read twice (the package raises), or Σ e·δ = 0, as when every pairable value is in one
/// category (the package divides 0 by 0 when given the domain).
public enum KrippendorffAlpha {
    /// α of `reads` at `level`.
    public static func value(_ reads: AgreementReads, level: MeasurementLevel) -> Double {
        let patterns = ReadingPatterns(reads)
        return value(patterns, multiplicities: patterns.allItems, level: level)
    }

    static func value(_ patterns: ReadingPatterns, multiplicities: [Int], level: MeasurementLevel) -> Double {
        let coincidences = self.coincidences(patterns, multiplicities: multiplicities)
        let k = patterns.categoryCount
        var totals = [Double](repeating: 0, count: k)
        for c in 0..<k { for j in 0..<k { totals[j] += coincidences[c * k + j] } }
        let n = totals.reduce(0, +)
        guard n > 0 else { return .nan }
        let distances = self.distances(level, totals: totals)
        var observed = 0.0
        var expected = 0.0
        for c in 0..<k {
            for j in 0..<k {
                let chance = (totals[c] * totals[j] - (c == j ? totals[c] : 0)) / (n - 1)
                observed += coincidences[c * k + j] * distances[c * k + j]
                expected += chance * distances[c * k + j]
            }
        }
        guard expected != 0 else { return .nan }
        return 1 - observed / expected
    }

    /// The coincidence matrix, row-major. Items are summed in integers per read count and divided once per count.
    static func coincidences(_ patterns: ReadingPatterns, multiplicities: [Int]) -> [Double] {
        let k = patterns.categoryCount
        var byReadCount = [[Int]](repeating: [], count: patterns.readerCount + 1)
        for pattern in 0..<patterns.patternCount where patterns.readCounts[pattern] >= 2 && multiplicities[pattern] > 0 {
            let reads = patterns.readCounts[pattern]
            if byReadCount[reads].isEmpty { byReadCount[reads] = [Int](repeating: 0, count: k * k) }
            for c in 0..<k {
                let nc = patterns.count(pattern: pattern, category: c)
                guard nc > 0 else { continue }
                for j in 0..<k {
                    let nj = patterns.count(pattern: pattern, category: j)
                    byReadCount[reads][c * k + j] += multiplicities[pattern] * (nc * nj - (c == j ? nc : 0))
                }
            }
        }
        var coincidences = [Double](repeating: 0, count: k * k)
        for (reads, sums) in byReadCount.enumerated() where !sums.isEmpty {
            for cell in 0..<(k * k) { coincidences[cell] += Double(sums[cell]) / Double(reads - 1) }
        }
        return coincidences
    }

    /// δ(c, k) for every pair of categories, row-major.
    static func distances(_ level: MeasurementLevel, totals: [Double]) -> [Double] {
        let k = totals.count
        var distances = [Double](repeating: 0, count: k * k)
        for c in 0..<k {
            for j in 0..<k {
                switch level {
                case .nominal:
                    distances[c * k + j] = c == j ? 0 : 1
                case .interval:
                    distances[c * k + j] = Double((c - j) * (c - j))
                case .ordinal:
                    let (low, high) = (min(c, j), max(c, j))
                    let between = totals[low...high].reduce(0, +) - (totals[low] + totals[high]) / 2
                    distances[c * k + j] = between * between
                }
            }
        }
        return distances
    }
}
