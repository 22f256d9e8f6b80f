/// Percent agreement: the share of agreeing reader pairs within an item, averaged over the items read at least twice.
///
/// An item with n ≥ 2 reads, n_c of them in category c, has n (n − 1) / 2 pairs of reads, Σ_c n_c (n_c − 1) / 2 of
/// which agree; its agreement is their ratio, and the statistic is the plain mean of that ratio over the items
/// (every item counts once, whatever its number of reads). A share in [0, 1], not multiplied by 100, without any
/// correction for chance. Undefined (NaN) when no item was read twice.
public enum PercentAgreement {
    /// The percent agreement of `reads`.
    public static func value(_ reads: AgreementReads) -> Double {
        let patterns = ReadingPatterns(reads)
        return value(patterns, multiplicities: patterns.allItems)
    }

    static func value(_ patterns: ReadingPatterns, multiplicities: [Int]) -> Double {
        var sum = CompensatedSum()
        var items = 0
        for pattern in 0..<patterns.patternCount where patterns.readCounts[pattern] >= 2 && multiplicities[pattern] > 0 {
            let n = patterns.readCounts[pattern]
            var agreeing = 0
            for category in 0..<patterns.categoryCount {
                let count = patterns.count(pattern: pattern, category: category)
                agreeing += count * (count - 1)
            }
            sum.add(Double(multiplicities[pattern]) * (Double(agreeing) / Double(n * (n - 1))))
            items += multiplicities[pattern]
        }
        return items == 0 ? .nan : sum.value / Double(items)
    }
}
