import Scoring
import Testing

@Suite struct LadderTests {
    @Test func firstSubmissionIsAlwaysShown() {
        #expect(Ladder.shownScores([[1, 0, 1, 1]], direction: .higherIsBetter) == [0.75])
    }

    @Test func aSmallImprovementWithinOneStandardErrorDoesNotMoveTheScore() {
        let base: [Double] = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]
        var nudged = base
        // Two more cases right and one wrong: +0.1 on average, but the differences' standard error is 0.18.
        nudged[1] = 1
        nudged[3] = 1
        nudged[0] = 0
        #expect(Ladder.shownScores([base, nudged], direction: .higherIsBetter) == [0.5, 0.5])
    }

    @Test func aClearImprovementIsShown() {
        let base: [Double] = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]
        let better: [Double] = [1, 1, 1, 1, 1, 1, 1, 0, 1, 0]
        #expect(Ladder.shownScores([base, better], direction: .higherIsBetter) == [0.5, 0.8])
    }

    @Test func lowerIsBetterMetricsImproveDownwards() {
        let base: [Double] = [5, 6, 7, 8, 5, 6, 7, 8]
        let better = base.map { $0 - 3 }
        #expect(Ladder.shownScores([base, better, base], direction: .lowerIsBetter) == [6.5, 3.5, 3.5])
    }

    @Test func aWorseSubmissionNeverLowersTheShownScore() {
        let good: [Double] = [1, 1, 1, 1, 0, 1, 1, 1]
        let bad: [Double] = [0, 0, 0, 0, 0, 0, 0, 1]
        #expect(Ladder.shownScores([good, bad], direction: .higherIsBetter) == [0.875, 0.875])
    }
}
