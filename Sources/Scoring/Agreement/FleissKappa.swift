/// Fleiss' kappa over the items that share the study's most common number of reads.
///
/// Fleiss' kappa assumes every item was read the same number of times m (statsmodels' `fleiss_kappa` asserts it).
/// A study with missing reads does not: here m is the read count, among items read at least twice, that the most
/// items have (a tie goes to the larger count), and only the items read exactly m times enter the statistic. The
/// others are counted in `leftOutItemCount` so a report can say so. (Krippendorff's alpha uses every item read at
/// least twice.) On those items, with n_ic the readers putting item i in category c and N items,
///
///     P_i = (Σ_c n_ic² − m) / (m (m − 1)),  P̄ = mean P_i,  p_c = Σ_i n_ic / (N m),  P̄e = Σ_c p_c²,
///     κ = (P̄ − P̄e) / (1 − P̄e)
///
/// which is statsmodels' `fleiss_kappa(aggregate_raters(rows)[0], method="fleiss")` on those items' rows.
/// Undefined (NaN): no item read twice, or P̄e = 1 (every read in one category; statsmodels divides 0 by 0).
public struct FleissKappa: Sendable, Equatable {
    /// κ; NaN when undefined.
    public let value: Double
    /// The number of reads m of the items used; 0 when no item was read twice.
    public let readsPerItem: Int
    /// The number of items used (read exactly m times).
    public let itemCount: Int
    /// The number of items left out: read fewer than twice, or a number of times other than m.
    public let leftOutItemCount: Int

    /// Fleiss' kappa of `reads`.
    public init(_ reads: AgreementReads) {
        let patterns = ReadingPatterns(reads)
        self.init(patterns, multiplicities: patterns.allItems)
    }

    init(_ patterns: ReadingPatterns, multiplicities: [Int]) {
        let m = Self.modalReadCount(patterns, multiplicities: multiplicities)
        var items = 0
        var agreeingPairs = 0
        var categoryTotals = [Int](repeating: 0, count: patterns.categoryCount)
        for pattern in 0..<patterns.patternCount where patterns.readCounts[pattern] == m && multiplicities[pattern] > 0 {
            let weight = multiplicities[pattern]
            items += weight
            var squares = 0
            for category in 0..<patterns.categoryCount {
                let count = patterns.count(pattern: pattern, category: category)
                squares += count * count
                categoryTotals[category] += weight * count
            }
            agreeingPairs += weight * (squares - m)
        }
        readsPerItem = m
        itemCount = items
        leftOutItemCount = multiplicities.reduce(0, +) - items
        value = Self.kappa(items: items, readsPerItem: m, agreeingPairs: agreeingPairs, categoryTotals: categoryTotals)
    }

    /// The read count (≥ 2) most items have, the larger on a tie; 0 when no item was read twice.
    static func modalReadCount(_ patterns: ReadingPatterns, multiplicities: [Int]) -> Int {
        var itemsWithCount = [Int](repeating: 0, count: patterns.readerCount + 1)
        for pattern in 0..<patterns.patternCount { itemsWithCount[patterns.readCounts[pattern]] += multiplicities[pattern] }
        var best = 0
        for count in stride(from: 2, through: patterns.readerCount, by: 1)
        where itemsWithCount[count] > 0 && itemsWithCount[count] >= (best == 0 ? 0 : itemsWithCount[best]) {
            best = count
        }
        return best
    }

    private static func kappa(items: Int, readsPerItem m: Int, agreeingPairs: Int, categoryTotals: [Int]) -> Double {
        guard items > 0 else { return .nan }
        let reads = Double(items * m)
        let observed = Double(agreeingPairs) / (Double(m) * Double(m - 1)) / Double(items)
        let expected = categoryTotals.reduce(0.0) { $0 + (Double($1) / reads) * (Double($1) / reads) }
        return (observed - expected) / (1 - expected)
    }
}
