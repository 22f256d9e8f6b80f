import Scoring
import Testing
import TestSupport

/// Thresholds are merged from sorted values and counted in one sweep; these compare the curve with the set-and-
/// binary-search formulas it replaced, on random slides whose confidences repeat and include both zeros.
@Suite struct FROCCurveThresholdTests {
    static func slides(seed: UInt64) -> [FROCSlide] {
        var random = SplitMix64(seed: seed)
        let confidences: [Double] = [0, -0.0, 0.25, 0.5, 1, 0.1, 0.30000000000000004, 0.3, 0.7]
        let settings = FROCSettings()
        return (0..<12).map { index in
            // Even slides: two bars long enough not to be isolated tumour cells, and one speck that is.
            var lesions = [Bool](repeating: false, count: 80 * 80)
            for cell in lesions.indices where [8, 40].contains(cell / 80 / 4 * 4) && (5..<60).contains(cell % 80) { lesions[cell] = true }
            lesions[75 * 80 + 75] = true
            let mask = index % 2 == 0 ? EvaluationMask(lesions: lesions, width: 80, height: 80, settings: settings) : nil
            let points = (0..<random.next(below: 30)).map { _ in
                LesionPoint(x: Double(random.next(below: 80 * 32)), y: Double(random.next(below: 80 * 32)),
                            confidence: random.next(below: 2) == 0 ? confidences[random.next(below: confidences.count)] : Double(random.next(below: 1000)) / 1000)
            }
            return FROCSlide(caseID: "s\(index)", mask: mask, points: points)
        }
    }

    static func atLeast<Value: Comparable>(_ values: [Value], _ threshold: Value) -> Int { values.filter { !($0 < threshold) }.count }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func documentedCurveEqualsTheSetFormula(seed: UInt64) {
        let settings = FROCSettings(protocolName: .froc)
        let slides = Self.slides(seed: seed)
        let outcomes = slides.map { $0.outcome(settings) }
        let falsePositives = outcomes.flatMap(\.falsePositives)
        let hits = outcomes.flatMap { $0.hits.values }
        let thresholds = Array(Set(falsePositives + hits)).sorted()
        let curve = FROCCurve(slides: slides, settings: settings)
        #expect(curve.lesionCount == 12)
        // Hits come in dictionary order, which two equal dictionaries need not share: which zero a set keeps
        // can differ, so zeros compare by value here (the camelyon16 test below checks the sign).
        #expect(curve.thresholds.dropLast().map { $0! } == thresholds)
        #expect(curve.falsePositivesPerSlide.dropLast() == thresholds.map { Double(Self.atLeast(falsePositives, $0)) / Double(slides.count) })
        #expect(curve.sensitivities.dropLast() == thresholds.map { Double(Self.atLeast(hits, $0)) / Double(curve.lesionCount) })
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func camelyon16CurveEqualsTheSetFormula(seed: UInt64) {
        let settings = FROCSettings(protocolName: .camelyon16)
        let slides = Self.slides(seed: seed)
        let outcomes = slides.filter { !$0.points.isEmpty }.map { $0.outcome(settings) }
        let falsePositives = outcomes.flatMap(\.falsePositives)
        let values = outcomes.flatMap(\.camelyon16Values)
        let thresholds = Array(Set(falsePositives).union(values.map { Double($0) }).sorted().dropFirst())
        let curve = FROCCurve(slides: slides, settings: settings)
        #expect(curve.thresholds.dropLast().map { $0!.bitPattern } == thresholds.map(\.bitPattern))
        #expect(curve.falsePositivesPerSlide.dropLast() == thresholds.map { Double(Self.atLeast(falsePositives, $0)) / Double(curve.slideCount) })
        #expect(curve.sensitivities.dropLast() == thresholds.map { Double(Self.atLeast(values, Float($0))) / Double(curve.lesionCount) })
    }
}
