import Scoring
import Testing

@Suite struct ScoreIntervalsTests {
    @Test func intervalIsThePercentilesOfTheResampledMeans() {
        let intervals = ScoreIntervals.meanIntervals([[1, 3]], direction: .higherIsBetter, plan: .explicit([[0, 1], [1, 1], [0, 0]]))
        #expect(abs(intervals[0].lower - 1.05) < 1e-12)
        #expect(abs(intervals[0].upper - 2.95) < 1e-12)
    }

    @Test func aMissingCaseTakesTheWorstObservedValue() {
        let intervals = ScoreIntervals.meanIntervals([[nil, 4], [2, 6]], direction: .higherIsBetter, plan: .explicit([[0]]))
        #expect(intervals[0].lower == 2)
        let lowerIsBetter = ScoreIntervals.meanIntervals([[nil, 4], [2, 6]], direction: .lowerIsBetter, plan: .explicit([[0]]))
        #expect(lowerIsBetter[0].lower == 6)
    }
}
