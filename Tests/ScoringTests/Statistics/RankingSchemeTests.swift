import Scoring
import Testing

@Suite("Ranking schemes")
struct RankingSchemeTests {
    @Test(arguments: RankingOracle.shared.rankings)
    func matchEveryOracleScheme(_ reference: RankingOracle.Table) throws {
        let table = try reference.scoreTable()
        for expected in reference.results {
            let outcome = try table.ranking(by: expected.method)
            let label = "\(expected.method)"
            for metric in expected.metricScores.indices {
                expectAgrees(outcome.metricScores[metric], expected.metricScores[metric], "\(label) scores[\(metric)]")
            }
            #expect(outcome.metricRanks == expected.metricRanks, "\(label)")
            expectAgrees(outcome.combinedScores, expected.combinedScores, "\(label) combined")
            #expect(outcome.ranks == expected.ranks, "\(label)")
        }
    }

    @Test(arguments: RankingOracle.shared.rankings)
    func firstPlaceGroupsMatchTheOracle(_ reference: RankingOracle.Table) throws {
        let table = try reference.scoreTable()
        let outcome = try table.ranking(by: reference.results[0].method)
        let groups = try table.firstPlaceGroups(following: outcome)
        for (group, expected) in zip(groups, reference.firstPlaceGroups) {
            #expect(group.reference == expected.reference)
            #expect(group.members == expected.members)
            expectAgrees(group.pValues.map { $0 ?? .nan }, expected.pValues, "p")
            expectAgrees(group.adjustedPValues.map { $0 ?? .nan }, expected.adjustedPValues, "adjusted p")
        }
    }

    @Test func tiesShareTheSmallestRank() {
        #expect(Ranking.minimumRanks([0.9, 0.8, 0.8, 0.1], direction: .higherIsBetter) == [1, 2, 2, 4])
        #expect(Ranking.minimumRanks([3, 1, 1, 2], direction: .lowerIsBetter) == [4, 1, 1, 3])
    }

    @Test func meanDoesNotDependOnTheOrderOfTheCases() throws {
        let values: [Double?] = [0.1, 0.7, 0.2, 0.3, 0.9, 0.6, 0.3]
        let table = try ScoreTable(metrics: [
            MetricScores(name: "cost", direction: .higherIsBetter, values: [values, values.reversed()])
        ])
        #expect(try table.ranking().ranks == [1, 1])
    }

    @Test func missingValueCountsAsTheWorstObservedValue() throws {
        let table = try ScoreTable(metrics: [
            MetricScores(name: "dice", direction: .higherIsBetter, values: [[nil, 0.5], [0.25, 0.5], [0.75, 0.5]])
        ])
        #expect(try table.ranking().metricScores[0] == [0.375, 0.375, 0.625])
    }

    @Test func missingValueRanksBehindEveryTeamWithAValue() throws {
        let table = try ScoreTable(metrics: [
            MetricScores(name: "dice", direction: .higherIsBetter, values: [[nil], [0.5], [0.5]])
        ])
        #expect(try table.ranking(by: RankingMethod(scheme: .rankThenAggregate(.mean))).metricScores[0] == [3, 1, 1])
    }

    @Test func excludedMetricIsRankedButDoesNotCount() throws {
        let table = try ScoreTable(metrics: [
            MetricScores(name: "dice", direction: .higherIsBetter, values: [[0.9], [0.1]]),
            MetricScores(name: "runtime", direction: .lowerIsBetter, includedInRanking: false, values: [[9], [1]]),
        ])
        let outcome = try table.ranking()
        #expect(outcome.metricRanks == [[1, 2], [2, 1]])
        #expect(outcome.ranks == [1, 2])
    }

    @Test func rejectsRaggedRowsNamingTheTeam() {
        #expect(throws: RankingError.caseCountMismatch(metric: "dice", team: 1, count: 1, expected: 2)) {
            try ScoreTable(metrics: [MetricScores(name: "dice", direction: .higherIsBetter, values: [[1, 2], [1]])])
        }
    }

    @Test func rejectsNaNInsteadOfMissing() {
        #expect(throws: RankingError.self) {
            try ScoreTable(metrics: [MetricScores(name: "dice", direction: .higherIsBetter, values: [[1, .nan]])])
        }
    }

    @Test func rejectsAMetricWithoutAnyValue() {
        #expect(throws: RankingError.noObservedValue(metric: "dice")) {
            try ScoreTable(metrics: [MetricScores(name: "dice", direction: .higherIsBetter, values: [[nil]])])
        }
    }

    @Test func rejectsATableWhereEveryMetricIsExcluded() throws {
        let table = try ScoreTable(metrics: [
            MetricScores(name: "dice", direction: .higherIsBetter, includedInRanking: false, values: [[1]])
        ])
        #expect(throws: RankingError.noMetricInRanking) { try table.ranking() }
    }

    @Test func rejectsASignificanceLevelOutsideTheUnitInterval() throws {
        let table = try ScoreTable(metrics: [MetricScores(name: "dice", direction: .higherIsBetter, values: [[1]])])
        #expect(throws: RankingError.alphaOutOfRange(1.5)) {
            try table.ranking(by: RankingMethod(scheme: .testThenRank(alpha: 1.5)))
        }
    }
}
