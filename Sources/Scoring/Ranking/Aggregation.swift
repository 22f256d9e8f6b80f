/// How many numbers become one: a team's values over the cases, or its ranks over the metrics.
public enum Aggregation: String, Sendable, Codable, CaseIterable {
    /// The arithmetic mean, summed with compensation so the order of the values does not matter.
    case mean
    /// The median; for an even count the mean of the two middle values (numpy's `median`).
    case median

    /// Aggregates `values`; NaN when empty.
    func apply(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        switch self {
        case .mean:
            var sum = CompensatedSum()
            for value in values { sum.add(value) }
            return sum.value / Double(values.count)
        case .median:
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }
}
