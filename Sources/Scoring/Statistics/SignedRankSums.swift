/// The rank sums behind a Wilcoxon signed-rank test, computed once per pair of samples so that both
/// one-sided p-values (and the two-sided one) come from a single sort.
struct SignedRankSums: Sendable, Equatable {
    /// Number of non-zero differences.
    var count = 0
    /// Sum of the average ranks of |d| over the positive differences.
    var positive = 0.0
    /// Sum of the average ranks of |d| over the negative differences.
    var negative = 0.0
    /// Σ (t³ − t) over the groups of tied |d|.
    var tieCorrection = 0.0

    /// No difference yet; add tie groups with `addTieGroup`.
    init() {}

    /// Ranks `differences`, which must all be non-zero and finite.
    init(nonZeroDifferences differences: [Double]) {
        var keys = differences.map(Self.key)
        self.init(sortingKeys: &keys)
    }

    /// Ranks differences given as `key(d)`; sorts the buffer.
    init(sortingKeys keys: inout [UInt64]) {
        keys.sort()
        count = keys.count
        var start = 0
        while start < keys.count {
            let magnitude = keys[start] >> 1
            var end = start + 1
            while end < keys.count, keys[end] >> 1 == magnitude { end += 1 }
            let rank = Double(start + 1 + end) / 2
            for index in start..<end {
                if keys[index] & 1 == 0 { positive += rank } else { negative += rank }
            }
            let ties = Double(end - start)
            tieCorrection += ties * ties * ties - ties
            start = end
        }
    }

    /// Appends a group of `positives + negatives` tied |d| larger than all the ones added so far: they
    /// share the average of the next ranks. An empty group adds exactly nothing. Used with case
    /// multiplicities instead of sorting; all sums stay exact (integers and halves).
    mutating func addTieGroup(positives: Int, negatives: Int) {
        let size = positives + negatives
        let rank = Double(count) + Double(size + 1) / 2
        positive += rank * Double(positives)
        negative += rank * Double(negatives)
        let ties = Double(size)
        tieCorrection += ties * ties * ties - ties
        count += size
    }

    /// A sort key for a finite non-zero difference: the bits of |d| (which order like |d| itself, the sign
    /// bit being 0) shifted left by one, with 1 in the lowest bit for a negative difference. Equal |d|
    /// give equal `key >> 1`.
    static func key(_ difference: Double) -> UInt64 {
        (difference.magnitude.bitPattern << 1) | (difference < 0 ? 1 : 0)
    }

    /// z and p of the normal approximation with continuity and tie correction, in SciPy's order of
    /// operations; NaN for both when there is no non-zero difference.
    func normalApproximation(_ alternative: TestAlternative) -> (z: Double, pValue: Double) {
        let n = Double(count)
        let mean = n * (n + 1) * 0.25
        let variance = n * (n + 1) * (2 * n + 1)
        let deviation = ((variance - tieCorrection / 2) / 24).squareRoot()
        var z = (positive - mean) / deviation
        let sign: Double
        switch alternative {
        case .greater: sign = 1
        case .less: sign = -1
        case .twoSided: sign = z > 0 ? 1 : z < 0 ? -1 : z.isNaN ? .nan : 0
        }
        z -= sign * 0.5 / deviation
        switch alternative {
        case .less: return (z, NormalDistribution.cdf(z))
        case .greater: return (z, NormalDistribution.survival(z))
        case .twoSided: return (-abs(z), 2 * NormalDistribution.survival(abs(z)))
        }
    }
}
