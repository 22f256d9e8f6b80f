extension Array where Element == Double {
    /// The `p` quantile (0…1) of latencies in seconds, sorted ascending, as milliseconds (nearest rank); NaN when empty.
    func percentileMilliseconds(_ p: Double) -> Double {
        isEmpty ? .nan : self[Swift.min(count - 1, Int(Double(count) * p))] * 1000
    }
}
