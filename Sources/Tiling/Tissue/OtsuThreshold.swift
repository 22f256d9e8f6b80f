/// Otsu's threshold of an 8-bit histogram: the value t maximising the between-class variance of {<= t} and {> t}
/// (values above t are foreground), as `skimage.filters.threshold_otsu` on integer images.
enum OtsuThreshold {
    static func threshold(_ histogram: [Int]) -> Int {
        precondition(histogram.count == 256, "256 bins")
        let total = Double(histogram.reduce(0, +))
        guard total > 0 else { return 0 }
        let weightedTotal = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset) * Double($1.element) }
        var (below, weightedBelow) = (0.0, 0.0)
        var best = (threshold: 0, variance: -1.0)
        for value in 0..<255 {
            below += Double(histogram[value])
            weightedBelow += Double(value) * Double(histogram[value])
            let above = total - below
            guard below > 0, above > 0 else { continue }
            let difference = weightedBelow / below - (weightedTotal - weightedBelow) / above
            let variance = below * above * difference * difference
            if variance > best.variance { best = (value, variance) }
        }
        return best.threshold
    }
}
