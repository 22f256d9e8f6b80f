/// The 25th, 50th and 75th percentiles of a sample (numpy's "linear" method, see `Percentile`).
public struct QuartileSummary: Sendable, Equatable {
    /// The 25th percentile.
    public let lowerQuartile: Double
    /// The 50th percentile.
    public let median: Double
    /// The 75th percentile.
    public let upperQuartile: Double

    /// Quartiles of the non-NaN values (numpy's `nanpercentile`); nil when there is none.
    init?(definedValuesOf values: [Double]) {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return nil }
        lowerQuartile = Percentile.linear(sorted: sorted, percent: 25)
        median = Percentile.linear(sorted: sorted, percent: 50)
        upperQuartile = Percentile.linear(sorted: sorted, percent: 75)
    }
}
