// The expectation-maximisation loop of STAPLE over unsafe buffers. Every sum runs over the pixels in order and
// every product over the readers in order, as ITK's filter does, so the results agree with it to rounding (a few
// 1e-16 on the oracle's cases) and the stopping rule sees the same changes.

extension STAPLE {
    /// Readers up to which the weight of every pattern of marks is tabulated once per iteration (2^k entries).
    static let tabulatedReaderLimit = 16

    /// Which readers mark each pixel.
    enum Marks {
        /// Per pixel, bit i set when reader i marks it (at most `tabulatedReaderLimit` readers).
        case patterns([UInt16], readers: Int)
        /// Per pixel and reader (reader-fastest), 1 when the reader marks it.
        case interleaved([UInt8], readers: Int)

        var readers: Int {
            switch self {
            case .patterns(_, let readers), .interleaved(_, let readers): readers
            }
        }
    }

    /// The sums an iteration takes from the weights: per reader Σ_marked W and Σ_unmarked (1 − W), and over all
    /// pixels Σ W and Σ (1 − W) (ITK sums these per reader, in the same order, to the same value).
    struct Sums {
        var marked: [Double]
        var unmarked: [Double]
        var weight = 0.0
        var complement = 0.0

        init(readers: Int) {
            marked = Array(repeating: 0, count: readers)
            unmarked = Array(repeating: 0, count: readers)
        }
    }

    static func run(masks: [[UInt8]], pixels: Int, options: Options) -> Estimate {
        let readers = masks.count
        let marks = readers <= tabulatedReaderLimit
            ? Marks.patterns(patterns(masks: masks, pixels: pixels, foreground: options.foregroundValue), readers: readers)
            : Marks.interleaved(interleaved(masks: masks, pixels: pixels, foreground: options.foregroundValue), readers: readers)
        var weights = initialWeights(marks, pixels: pixels)
        var total = 0.0
        for weight in weights { total += weight }
        let prior = total / Double(pixels) * options.confidenceWeight

        var sums = accumulate(weights, marks)
        var sensitivity = [Double](repeating: .nan, count: readers)
        var specificity = [Double](repeating: .nan, count: readers)
        var iteration = 0
        while iteration < options.maximumIterations {
            let previous = (sensitivity, specificity)
            for reader in 0..<readers {
                sensitivity[reader] = sums.marked[reader] / sums.weight
                specificity[reader] = sums.unmarked[reader] / sums.complement
            }
            sums = update(&weights, marks, sensitivity: sensitivity, specificity: specificity, prior: prior)
            if iteration != 0 && converged(previous, (sensitivity, specificity)) { break }
            iteration += 1
        }
        return Estimate(
            probabilities: weights, sensitivity: sensitivity, specificity: specificity, prior: prior,
            elapsedIterations: iteration)
    }

    /// ITK's rule: converged unless some reader's sensitivity or specificity moved by a square above 1e-14
    /// (a NaN compares false, so it never counts as a move).
    static func converged(_ previous: ([Double], [Double]), _ current: ([Double], [Double])) -> Bool {
        for reader in current.0.indices {
            let p = current.0[reader] - previous.0[reader]
            let q = current.1[reader] - previous.1[reader]
            if p * p > 1e-14 || q * q > 1e-14 { return false }
        }
        return true
    }

    /// The share of readers marking each pixel (ITK counts the marks in doubles, exactly, then divides).
    static func initialWeights(_ marks: Marks, pixels: Int) -> [Double] {
        let readers = Double(marks.readers)
        switch marks {
        case .patterns(let codes, _):
            return codes.map { Double($0.nonzeroBitCount) / readers }
        case .interleaved(let flags, let count):
            return (0..<pixels).map { pixel in
                var marked = 0
                for reader in 0..<count { marked += Int(flags[pixel * count + reader]) }
                return Double(marked) / readers
            }
        }
    }

    /// The sums of `weights` over the pixels each reader marks and leaves unmarked.
    static func accumulate(_ weights: [Double], _ marks: Marks) -> Sums {
        var copy = weights
        return update(&copy, marks, sensitivity: nil, specificity: nil, prior: 0)
    }

    /// Sets every weight to g a / (g a + (1 − g) b) for the given sensitivities and specificities (or leaves the
    /// weights as they are when none are given), and returns the sums of the new weights.
    static func update(
        _ weights: inout [Double], _ marks: Marks, sensitivity: [Double]?, specificity: [Double]?, prior: Double
    ) -> Sums {
        var sums = Sums(readers: marks.readers)
        switch marks {
        case .patterns(let codes, let readers):
            let table = sensitivity.map { patternWeights(readers: readers, sensitivity: $0, specificity: specificity!, prior: prior) }
            updateTabulated(&weights, codes: codes, table: table, sums: &sums)
        case .interleaved(let flags, _):
            updateInterleaved(&weights, flags: flags, sensitivity: sensitivity, specificity: specificity, prior: prior, sums: &sums)
        }
        return sums
    }

    /// The weight of a pixel marked by exactly the readers whose bits are set, for every pattern.
    static func patternWeights(readers: Int, sensitivity: [Double], specificity: [Double], prior: Double) -> [Double] {
        (0..<(1 << readers)).map { code in
            var a = 1.0
            var b = 1.0
            for reader in 0..<readers {
                if code & (1 << reader) != 0 {
                    a = a * sensitivity[reader]
                    b = b * (1.0 - specificity[reader])
                } else {
                    a = a * (1.0 - sensitivity[reader])
                    b = b * specificity[reader]
                }
            }
            return prior * a / (prior * a + (1.0 - prior) * b)
        }
    }

    private static func updateTabulated(_ weights: inout [Double], codes: [UInt16], table: [Double]?, sums: inout Sums) {
        weights.withUnsafeMutableBufferPointer { weights in
            codes.withUnsafeBufferPointer { codes in
                var weightSum = 0.0
                var complementSum = 0.0
                for pixel in 0..<weights.count {
                    if let table { weights[pixel] = table[Int(codes[pixel])] }
                    weightSum += weights[pixel]
                    complementSum += 1.0 - weights[pixel]
                }
                sums.weight = weightSum
                sums.complement = complementSum
                // One reader at a time, branch-free: adding 0.0 to a sum leaves it as it is.
                for reader in sums.marked.indices {
                    let bit = UInt16(1) << UInt16(reader)
                    var marked = 0.0
                    var unmarked = 0.0
                    for pixel in 0..<weights.count {
                        let w = weights[pixel]
                        let marks = codes[pixel] & bit != 0
                        marked += marks ? w : 0.0
                        unmarked += marks ? 0.0 : 1.0 - w
                    }
                    sums.marked[reader] = marked
                    sums.unmarked[reader] = unmarked
                }
            }
        }
    }

    private static func updateInterleaved(
        _ weights: inout [Double], flags: [UInt8], sensitivity: [Double]?, specificity: [Double]?, prior: Double,
        sums: inout Sums
    ) {
        let readers = sums.marked.count
        weights.withUnsafeMutableBufferPointer { weights in
            flags.withUnsafeBufferPointer { flags in
                for pixel in 0..<weights.count {
                    let row = pixel * readers
                    if let sensitivity, let specificity {
                        var a = 1.0
                        var b = 1.0
                        for reader in 0..<readers {
                            if flags[row + reader] != 0 {
                                a = a * sensitivity[reader]
                                b = b * (1.0 - specificity[reader])
                            } else {
                                a = a * (1.0 - sensitivity[reader])
                                b = b * specificity[reader]
                            }
                        }
                        weights[pixel] = prior * a / (prior * a + (1.0 - prior) * b)
                    }
                    let w = weights[pixel]
                    for reader in 0..<readers {
                        if flags[row + reader] != 0 { sums.marked[reader] += w } else { sums.unmarked[reader] += 1.0 - w }
                    }
                    sums.weight += w
                    sums.complement += 1.0 - w
                }
            }
        }
    }

    /// Per pixel, the bits of the readers marking it.
    static func patterns(masks: [[UInt8]], pixels: Int, foreground: UInt8) -> [UInt16] {
        var codes = [UInt16](repeating: 0, count: pixels)
        codes.withUnsafeMutableBufferPointer { codes in
            for (reader, mask) in masks.enumerated() {
                let bit = UInt16(1) << UInt16(reader)
                mask.withUnsafeBufferPointer { mask in
                    for pixel in 0..<pixels where mask[pixel] == foreground { codes[pixel] |= bit }
                }
            }
        }
        return codes
    }

    /// The marks as 0 or 1, pixel-major and reader-fastest.
    static func interleaved(masks: [[UInt8]], pixels: Int, foreground: UInt8) -> [UInt8] {
        let readers = masks.count
        var marks = [UInt8](repeating: 0, count: pixels * readers)
        marks.withUnsafeMutableBufferPointer { marks in
            for (reader, mask) in masks.enumerated() {
                mask.withUnsafeBufferPointer { mask in
                    for pixel in 0..<pixels where mask[pixel] == foreground { marks[pixel * readers + reader] = 1 }
                }
            }
        }
        return marks
    }
}
