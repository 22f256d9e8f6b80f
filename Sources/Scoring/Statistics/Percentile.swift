/// Percentiles of a sample, computed as numpy's default `numpy.percentile(values, percent)`
/// (method "linear", Hyndman & Fan type 7).
public enum Percentile {
    /// The `percent` percentile (0...100) of `sorted`, which must be sorted ascending; NaN when empty.
    ///
    /// With n values the virtual index is h = (n − 1)·(percent / 100); the result interpolates between
    /// the values at ⌊h⌋ and ⌊h⌋ + 1 with weight γ = h − ⌊h⌋, written as numpy's `_lerp` writes it
    /// (a + (b − a)·γ below γ = 0.5, b − (b − a)·(1 − γ) from 0.5 on), so results agree to the last bit.
    public static func linear(sorted: [Double], percent: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let virtualIndex = Double(sorted.count - 1) * (percent / 100)
        if virtualIndex >= Double(sorted.count - 1) { return sorted[sorted.count - 1] }
        if virtualIndex <= 0 { return sorted[0] }
        let previous = virtualIndex.rounded(.down)
        let gamma = virtualIndex - previous
        let below = sorted[Int(previous)]
        let above = sorted[Int(previous) + 1]
        let difference = above - below
        return gamma >= 0.5 ? above - difference * (1 - gamma) : below + difference * gamma
    }
}
