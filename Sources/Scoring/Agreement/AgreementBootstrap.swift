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
        guard confidence > 0, confidence < 1 else { throw .confidenceOutOfRange(confidence) }
        do { try plan.validate(caseCount: reads.itemCount) } catch { throw .invalidPlan(error) }
        let patterns = ReadingPatterns(reads)
        var prepared: [PreparedStatistic] = []
        for statistic in statistics { prepared.append(try statistic.prepared(for: reads)) }
        let all = patterns.allItems
        let estimates = prepared.map { $0.value(patterns, multiplicities: all) }
        var values = [[Double]](repeating: [], count: prepared.count)
        for resample in 0..<plan.resampleCount {
            let multiplicities = patterns.multiplicities(items: plan.caseIndices(resample: resample, caseCount: reads.itemCount))
            for (index, statistic) in prepared.enumerated() {
                values[index].append(statistic.value(patterns, multiplicities: multiplicities))
            }
        }
        return statistics.indices.map { index in
            let defined = values[index].filter { !$0.isNaN }.sorted()
            return AgreementInterval(
                statistic: statistics[index], estimate: estimates[index],
                lower: Percentile.linear(sorted: defined, percent: (100 - 100 * confidence) / 2),
                upper: Percentile.linear(sorted: defined, percent: (100 + 100 * confidence) / 2),
                confidence: confidence, resampledValues: values[index])
        }
    }
}
