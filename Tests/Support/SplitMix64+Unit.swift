import Scoring

extension SplitMix64 {
    /// A uniform Double in [0, 1) from the top 53 bits, for random test grids.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
