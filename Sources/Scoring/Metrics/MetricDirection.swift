/// Whether a larger value of a metric means a better submission.
public enum MetricDirection: String, Sendable, Codable, CaseIterable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"

    /// Words for a column header, so nobody has to guess which way a metric points.
    public var caption: String {
        switch self {
        case .higherIsBetter: "higher is better"
        case .lowerIsBetter: "lower is better"
        }
    }

    /// True when `candidate` is strictly better than `incumbent`.
    public func prefers(_ candidate: Double, over incumbent: Double) -> Bool {
        switch self {
        case .higherIsBetter: candidate > incumbent
        case .lowerIsBetter: candidate < incumbent
        }
    }
}
