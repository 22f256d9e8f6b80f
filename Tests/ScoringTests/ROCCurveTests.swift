import Scoring
import Testing

@Suite struct ROCCurveTests {
    @Test func onePointPerDistinctScoreFromTheOrigin() throws {
        let curve = try #require(ROCCurve(scores: [0.9, 0.8, 0.8, 0.1], positive: [true, false, true, false]))
        #expect(curve.falsePositiveRates == [0, 0, 0.5, 1])
        #expect(curve.truePositiveRates == [0, 0.5, 1, 1])
    }

    @Test func undefinedWithoutNegatives() {
        #expect(ROCCurve(scores: [0.2, 0.4], positive: [true, true]) == nil)
    }
}
