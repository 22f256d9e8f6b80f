/// A FROC curve and its summary: sensitivity against false positives per slide.
public struct FROCCurve: Sendable, Equatable {
    /// Thresholds in ascending order, then nil for the appended (0 false positives, 0 sensitivity) end.
    public let thresholds: [Double?]
    public let falsePositivesPerSlide: [Double]
    public let sensitivities: [Double]
    /// Sensitivity at each of the settings' false-positive rates (interpolated as `np.interp`).
    public let sensitivityAtRates: [Double]
    /// Slides whose false positives are averaged over, and lesions whose hits are counted.
    public let slideCount: Int
    public let lesionCount: Int

    /// The mean of `sensitivityAtRates`: the challenge score; nil when there is no lesion to find.
    public var score: Double? {
        guard lesionCount > 0 else { return nil }
        return sensitivityAtRates.reduce(0, +) / Double(sensitivityAtRates.count)
    }

    /// Scores every ground-truth slide (`slides`; a slide with no submitted point has an empty list).
    public init(slides: [FROCSlide], settings: FROCSettings) {
        self.init(slides: slides, outcomes: slides.map { $0.outcome(settings) }, settings: settings)
    }

    /// The same, from each slide's outcome already computed (`outcomes[i]` is `slides[i].outcome(settings)`).
    public init(slides: [FROCSlide], outcomes: [FROCSlideOutcome], settings: FROCSettings) {
        switch settings.protocolName {
        case .camelyon16: self = Self.camelyon16(slides, outcomes, settings)
        case .froc: self = Self.documented(slides, outcomes, settings)
        }
    }

    init(thresholds: [Double?], falsePositives: [Int], truePositives: [Int], slideCount: Int, lesionCount: Int, rates: [Double]) {
        self.thresholds = thresholds
        self.slideCount = slideCount
        self.lesionCount = lesionCount
        falsePositivesPerSlide = falsePositives.map { Double($0) / Double(slideCount) }
        sensitivities = truePositives.map { Double($0) / Double(lesionCount) }
        let (reversedRates, reversedSensitivities) = (Array(falsePositivesPerSlide.reversed()), Array(sensitivities.reversed()))
        sensitivityAtRates = lesionCount > 0 ? rates.map { NumpyInterp.value(at: $0, xs: reversedRates, ys: reversedSensitivities) } : rates.map { _ in 0 }
    }

    private static func documented(_ slides: [FROCSlide], _ outcomes: [FROCSlideOutcome], _ settings: FROCSettings) -> FROCCurve {
        let falsePositives = outcomes.flatMap(\.falsePositives)
        let hits = outcomes.flatMap { $0.hits.values }
        let (counted, hit) = (AtLeastCounter(sorted: RadixSort.ascending(falsePositives)), AtLeastCounter(sorted: RadixSort.ascending(hits)))
        let thresholds = DistinctValues.ascending(counted.sorted, hit.sorted, zero: falsePositives.first { $0 == 0 } ?? hits.first { $0 == 0 })
        return FROCCurve(
            thresholds: thresholds + [nil],
            falsePositives: counted.counts(thresholds) + [0],
            truePositives: hit.counts(thresholds) + [0],
            slideCount: slides.count, lesionCount: outcomes.reduce(0) { $0 + $1.lesionCount }, rates: settings.falsePositiveRates)
    }

    /// `Evaluation_FROC.py`: only slides with at least one submitted point count; thresholds are the distinct
    /// values of the float64 false positives and the float32 per-region values (0 for missed regions), lowest dropped.
    private static func camelyon16(_ slides: [FROCSlide], _ allOutcomes: [FROCSlideOutcome], _ settings: FROCSettings) -> FROCCurve {
        let submitted = slides.indices.filter { !slides[$0].points.isEmpty }
        let outcomes = submitted.map { allOutcomes[$0] }
        let falsePositives = outcomes.flatMap(\.falsePositives)
        let regionValues = outcomes.flatMap(\.camelyon16Values)
        let (counted, stored) = (AtLeastCounter(sorted: RadixSort.ascending(falsePositives)), AtLeastCounter(sorted: RadixSort.ascending(regionValues)))
        let zero = falsePositives.first { $0 == 0 } ?? regionValues.first { $0 == 0 }.map { Double($0) }
        let thresholds = Array(DistinctValues.ascending(counted.sorted, stored.sorted.map { Double($0) }, zero: zero).dropFirst())
        return FROCCurve(
            thresholds: thresholds + [nil],
            falsePositives: counted.counts(thresholds) + [0],
            truePositives: stored.counts(thresholds.map { Float($0) }) + [0],
            slideCount: submitted.count, lesionCount: outcomes.reduce(0) { $0 + $1.lesionCount }, rates: settings.falsePositiveRates)
    }
}

/// How many values are at least each threshold: one sweep through the sorted values for ascending
/// thresholds (as the curves ask), a binary search per threshold otherwise.
struct AtLeastCounter<Value: Comparable> {
    let sorted: [Value]

    init(_ values: [Value]) { sorted = values.sorted() }

    init(sorted: [Value]) { self.sorted = sorted }

    func counts(_ thresholds: [Value]) -> [Int] {
        guard zip(thresholds, thresholds.dropFirst()).allSatisfy({ !($1 < $0) }) else { return thresholds.map(count) }
        var below = 0
        return thresholds.map { threshold in
            while below < sorted.count, sorted[below] < threshold { below += 1 }
            return sorted.count - below
        }
    }

    private func count(_ threshold: Value) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < threshold { low = middle + 1 } else { high = middle }
        }
        return sorted.count - low
    }
}

/// The thresholds of a curve: what `Array(Set(first + second)).sorted()` gives, merged from the two sorted arrays
/// instead of hashing every value and sorting again.
enum DistinctValues {
    /// `zero`: the first value equal to 0 in `first` then `second` in their original order. 0 and -0 are the only
    /// different doubles that compare equal, and a set keeps the first of them inserted, so the result does too.
    static func ascending(_ first: [Double], _ second: [Double], zero: Double?) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            let next: Double
            if j == second.count || (i < first.count && first[i] < second[j]) {
                (next, i) = (first[i], i + 1)
            } else {
                (next, j) = (second[j], j + 1)
            }
            if values.last != next { values.append(next == 0 ? zero ?? next : next) }
        }
        return values
    }
}
