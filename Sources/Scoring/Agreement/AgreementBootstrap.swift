/// Seeded bootstrap intervals of agreement statistics over the items of a reader study.
///
/// A resample draws `itemCount` items with replacement by `BootstrapPlan` (the same SplitMix64 plan as the ranking
/// bootstrap, fixed by the seed), keeps each drawn item's reads as they are, and computes every statistic again with
/// all its rules applied to the resample (items read fewer than twice left out; Fleiss' modal read count chosen
/// again). Items are summarised once as reading patterns, so a resample costs one histogram of its item indices and
/// a few operations per distinct pattern: 5,000 items × 3 readers × 4 classes with 1,000 resamples is a few
/// million random draws.
public enum AgreementBootstrap {
    /// The estimate and interval of each of `statistics`, all on the same resamples of `plan`.
    public static func intervals(
        _ reads: AgreementReads, statistics: [AgreementStatistic], plan: BootstrapPlan, confidence: Double = 0.95
    ) throws(AgreementError) -> [AgreementInterval] {
        try check(plan, itemCount: reads.itemCount, confidence: confidence)
        let patterns = ReadingPatterns(reads)
        var prepared: [PreparedStatistic] = []
        for statistic in statistics { prepared.append(try statistic.prepared(for: reads)) }
        return intervals(statistics, itemCount: reads.itemCount, plan: plan, confidence: confidence) { items in
            let multiplicities = items.map(patterns.multiplicities) ?? patterns.allItems
            return prepared.map { $0.value(patterns, multiplicities: multiplicities) }
        }
    }

    /// Throws unless `confidence` lies in (0, 1) and `plan` can resample `itemCount` items.
    static func check(_ plan: BootstrapPlan, itemCount: Int, confidence: Double) throws(AgreementError) {
        guard confidence > 0, confidence < 1 else { throw .confidenceOutOfRange(confidence) }
        do { try plan.validate(caseCount: itemCount) } catch { throw .invalidPlan(error) }
    }

    /// The intervals of `statistics`, given `values(items)`: every statistic on the items drawn (repeats counted),
    /// or on all items once when `items` is nil. The caller has checked `plan` and `confidence`.
    static func intervals<Statistic>(
        _ statistics: [Statistic], itemCount: Int, plan: BootstrapPlan, confidence: Double,
        values: (_ items: [Int]?) -> [Double]
    ) -> [ResampledInterval<Statistic>] {
        let estimates = values(nil)
        var resampled = [[Double]](repeating: [], count: statistics.count)
        for resample in 0..<plan.resampleCount {
            let drawn = values(plan.caseIndices(resample: resample, caseCount: itemCount))
            for index in statistics.indices { resampled[index].append(drawn[index]) }
        }
        return statistics.indices.map { index in
            let defined = resampled[index].filter { !$0.isNaN }.sorted()
            return ResampledInterval(
                statistic: statistics[index], estimate: estimates[index],
                lower: Percentile.linear(sorted: defined, percent: (100 - 100 * confidence) / 2),
                upper: Percentile.linear(sorted: defined, percent: (100 + 100 * confidence) / 2),
                confidence: confidence, resampledValues: resampled[index])
        }
    }
}
