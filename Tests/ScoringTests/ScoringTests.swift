import Scoring
import Testing

@Suite("Scoring primitives")
struct ScoringTests {
    @Test func aurocCountsTiedPairsAsHalf() {
        let area = BinaryAUROC.area(scores: [0.5, 0.5, 0.5, 0.5], positive: [true, false, true, false])
        #expect(area == 0.5)
    }

    @Test func aurocIsUndefinedWithoutNegatives() {
        #expect(BinaryAUROC.area(scores: [0.1, 0.9], positive: [true, true]) == nil)
    }

    @Test func aurocOfPerfectSeparationIsOne() {
        #expect(BinaryAUROC.area(scores: [0.1, 0.2, 0.8, 0.9], positive: [false, false, true, true]) == 1)
    }

    @Test func kappaIsUndefinedWhenEverythingIsOneClass() {
        let outcomes = ClassificationOutcomes(classCount: 3, truth: [1, 1, 1], predicted: [1, 1, 1])
        #expect(ClassificationMetrics.quadraticWeightedKappa(ConfusionMatrix(outcomes)) == nil)
    }

    @Test func kappaUsesTheFullClassListForWeights() {
        // Classes 0 and 2 of 0...3 only: the unused class 3 must not change the value,
        // but the unused class 1 sits between them and must count in the distance.
        let outcomes = ClassificationOutcomes(classCount: 4, truth: [0, 2, 0, 2], predicted: [0, 2, 2, 2])
        let kappa = ClassificationMetrics.quadraticWeightedKappa(ConfusionMatrix(outcomes))
        #expect(kappa == 1 - (4.0 * 1) / (4.0 * (2 * 3.0 / 4) + 4.0 * (2 * 1.0 / 4)))
    }

    @Test func costMatrixScoreIsMeanOfOneMinusCost() throws {
        let matrix = try #require(CostMatrix(rows: [[0, 0.2], [0.6, 0]]))
        let outcomes = ClassificationOutcomes(classCount: 2, truth: [0, 1, 1], predicted: [1, 0, 1])
        #expect(matrix.score(outcomes, direction: .higherIsBetter) == (0.8 + 0.4 + 1) / 3)
        #expect(matrix.score(outcomes, direction: .lowerIsBetter) == (0.2 + 0.6 + 0) / 3)
    }

    @Test func costMatrixRejectsRaggedRows() {
        #expect(CostMatrix(rows: [[0, 1], [1]]) == nil)
    }

    @Test func tiedScoresShareTheSmallestRank() {
        let ranks = Ranking.minimumRanks(["a": 0.9, "b": 0.8, "c": 0.8, "d": 0.1, "e": nil], direction: .higherIsBetter)
        #expect(ranks == ["a": 1, "b": 2, "c": 2, "d": 4])
    }

    @Test func lowerIsBetterRanksSmallestFirst() {
        let ranks = Ranking.minimumRanks(["a": 3.0, "b": 1.0], direction: .lowerIsBetter)
        #expect(ranks == ["b": 1, "a": 2])
    }
}
