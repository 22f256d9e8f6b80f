/// Percentile bootstrap intervals of each team's mean score over the same resamples as the rank bootstrap.
public enum ScoreIntervals {
    /// For each team (row of `values`, one column per case), the 2.5th and 97.5th percentiles (numpy's linear
    /// method) of its mean over the plan's resamples. A missing case takes the worst value observed for the metric,
    /// as the ranking does.
    public static func meanIntervals(_ values: [[Double?]], direction: MetricDirection, plan: BootstrapPlan) -> [(lower: Double, upper: Double)] {
        let observed = values.flatMap { $0.compactMap { $0 } }
        guard let worst = direction == .higherIsBetter ? observed.min() : observed.max(), let caseCount = values.first?.count, caseCount > 0 else {
            return values.map { _ in (.nan, .nan) }
        }
        let dense = values.map { row in row.map { $0 ?? worst } }
        var means = [[Double]](repeating: [], count: values.count)
        for resample in 0..<plan.resampleCount {
            let cases = plan.caseIndices(resample: resample, caseCount: caseCount)
            for team in dense.indices {
                var sum = 0.0
                dense[team].withUnsafeBufferPointer { row in for index in cases { sum += row[index] } }
                means[team].append(sum / Double(cases.count))
            }
        }
        return means.map { samples in
            let sorted = samples.sorted()
            return (Percentile.linear(sorted: sorted, percent: 2.5), Percentile.linear(sorted: sorted, percent: 97.5))
        }
    }
}
