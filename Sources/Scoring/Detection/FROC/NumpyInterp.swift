/// `numpy.interp` for one point, with its handling of repeated x values.
enum NumpyInterp {
    /// `xs` ascending (repeats allowed). Below the first x: the first y; above the last: the last y;
    /// otherwise the segment starting at the last index j with xs[j] <= x (exactly ys[j] when xs[j] == x).
    static func value(at x: Double, xs: [Double], ys: [Double]) -> Double {
        guard let first = xs.first, let last = xs.last else { return .nan }
        if x < first { return ys[0] }
        if x > last { return ys[ys.count - 1] }
        // Only a NaN (as x, or among xs) leaves no such index: numpy answers NaN, and so does this.
        guard let j = xs.lastIndex(where: { $0 <= x }) else { return .nan }
        if j == xs.count - 1 || xs[j] == x { return ys[j] }
        let slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j])
        var result = slope * (x - xs[j]) + ys[j]
        if result.isNaN {
            result = slope * (x - xs[j + 1]) + ys[j + 1]
            if result.isNaN, ys[j] == ys[j + 1] { result = ys[j] }
        }
        return result
    }
}
