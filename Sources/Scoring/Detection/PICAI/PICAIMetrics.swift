/// picai_eval 1.4.13's `Metrics` over a set of cases: case-level AUROC, lesion-level average precision,
/// their mean (the PI-CAI ranking score) and the lesion sensitivity at a false-positive rate.
public struct PICAIMetrics: Sendable, Equatable {
    public let caseCount: Int
    public let lesionCount: Int
    /// Nil when all cases are positive or all negative.
    public let auroc: Double?
    /// Nil when there is no lesion.
    public let averagePrecision: Double?
    /// Lesion-level thresholds (distinct confidences, descending) with true and false positives at each;
    /// the last entry carries the previous true positives and infinitely many false positives, as picai's curve.
    public let thresholds: [Double]
    public let truePositives: [Double]
    public let falsePositives: [Double]

    /// `outcomes[i]` and `caseConfidences[i]`, `positives[i]` describe case i.
    public init(outcomes: [[LesionOutcome]], caseConfidences: [Double], positives: [Bool]) {
        caseCount = outcomes.count
        let flat = outcomes.flatMap { $0 }
        lesionCount = flat.filter(\.isLesion).count
        auroc = BinaryAUROC.area(scores: caseConfidences, positive: positives)
        averagePrecision = Self.averagePrecision(flat)
        (thresholds, truePositives, falsePositives) = Self.counts(flat)
    }

    /// (AUROC + AP) / 2, nil when either is undefined.
    public var score: Double? {
        guard let auroc, let averagePrecision else { return nil }
        return (auroc + averagePrecision) / 2
    }

    /// Sensitivity at each threshold; nil entries when there is no lesion.
    public var truePositiveRates: [Double] {
        truePositives.map { lesionCount > 0 ? $0 / Double(lesionCount) : .nan }
    }

    /// False positives per case at each threshold.
    public var falsePositiveRates: [Double] {
        falsePositives.map { $0 / Double(caseCount) }
    }

    /// picai's `lesion_TPR_at_FPR`: 0 when even the strictest threshold has more false positives per case
    /// than `rate`, else the sensitivity of the last threshold within it. Rates are compared as float32,
    /// as picai stores them.
    public func lesionSensitivity(atFalsePositiveRate rate: Double) -> Double {
        let rates = falsePositiveRates.map { Float($0) }
        let sensitivities = truePositiveRates.map { Float($0) }
        guard let smallest = rates.min(), smallest <= Float(rate) else { return 0 }
        let last = rates.indices.last { rates[$0] <= Float(rate) }!
        return Double(sensitivities[last])
    }
}

extension PICAIMetrics {
    /// Average precision as picai computes it from scikit-learn's precision-recall curve: a step integral
    /// over distinct confidences, where the zero confidence of missed lesions counts with precision 0.
    static func averagePrecision(_ outcomes: [LesionOutcome]) -> Double? {
        let lesions = outcomes.filter(\.isLesion).count
        guard lesions > 0 else { return nil }
        let sorted = outcomes.sorted { $0.confidence > $1.confidence }
        var truePositives = 0
        var falsePositives = 0
        var previousRecall = 0.0
        var area = 0.0
        var index = 0
        while index < sorted.count {
            let threshold = sorted[index].confidence
            while index < sorted.count, sorted[index].confidence == threshold {
                if sorted[index].isLesion { truePositives += 1 } else { falsePositives += 1 }
                index += 1
            }
            let recall = Double(truePositives) / Double(lesions)
            let precision = threshold == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
            area += (recall - previousRecall) * precision
            previousRecall = recall
        }
        return area
    }

    static func counts(_ outcomes: [LesionOutcome]) -> ([Double], [Double], [Double]) {
        let thresholds = thinned(Array(Set(outcomes.map(\.confidence))).sorted(by: >))
        guard thresholds.count >= 2 else { return (thresholds, [0, 0], [0, .infinity]) }
        var truePositives = [Double](repeating: 0, count: thresholds.count)
        var falsePositives = [Double](repeating: 0, count: thresholds.count)
        let sorted = outcomes.sorted { $0.confidence > $1.confidence }
        var (index, tp, fp) = (0, 0, 0)
        for (position, threshold) in thresholds.enumerated() {
            while index < sorted.count, sorted[index].confidence >= threshold {
                if sorted[index].isLesion { tp += 1 } else { fp += 1 }
                index += 1
            }
            truePositives[position] = Double(tp)
            falsePositives[position] = Double(fp)
        }
        truePositives[thresholds.count - 1] = truePositives[thresholds.count - 2]
        falsePositives[thresholds.count - 1] = .infinity
        return (thresholds, truePositives, falsePositives)
    }

    /// picai keeps at most about 10,000 thresholds: those above 0.8, the 20 lowest, and a regular sample.
    /// The sample is `np.arange(1, n, n / 10_000, dtype=np.int32)`, which numpy fills from its first two
    /// values cast to integers, so its step is the truncated step, not the fractional one.
    static func thinned(_ thresholds: [Double]) -> [Double] {
        let count = thresholds.count
        guard count > 10_000 else { return thresholds }
        let step = Double(count) / 10_000
        let length = Int((Double(count - 1) / step).rounded(.up))
        let integerStep = Int(1 + step) - 1
        let sampled = Set((0..<length).map { thresholds[1 + $0 * integerStep] })
        let lowest = Set(thresholds.suffix(20))
        return thresholds.filter { $0 > 0.8 || sampled.contains($0) || lowest.contains($0) }
    }
}
