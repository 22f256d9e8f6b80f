import Scoring
import Testing

@Suite("Bootstrap of rankings")
struct BootstrapTests {
    @Test(arguments: RankingOracle.shared.bootstraps)
    func explicitPlanMatchesTheOracle(_ reference: RankingOracle.Run) async throws {
        let table = try RankingOracle.shared.table(named: reference.table).scoreTable()
        let result = try await Bootstrap.run(table, method: reference.method, plan: .explicit(reference.plan))
        #expect(result.seed == nil)
        #expect(result.fullRanking.ranks == reference.fullRanks)
        #expect(result.resampledRanks == reference.resampledRanks)
        #expect(result.teams.map(\.rankCounts) == reference.rankCounts)
        expectAgrees(result.teams.map(\.rankIntervalLower), reference.rankIntervalLower, "2.5%")
        expectAgrees(result.teams.map(\.rankIntervalUpper), reference.rankIntervalUpper, "97.5%")
        expectAgrees(result.teams.map(\.probabilityFirst), reference.probabilityFirst, "P(first)")
        expectAgrees(result.kendallTaus, reference.kendallTaus, "tau")
        if let quartiles = reference.kendallTauQuartiles {
            let actual = try #require(result.kendallTauQuartiles)
            expectAgrees([actual.lowerQuartile, actual.median, actual.upperQuartile], quartiles, "tau quartiles")
        } else {
            #expect(result.kendallTauQuartiles == nil)
        }
    }

    @Test func seededRunRecordsItsSeedAndIgnoresTheThreadCount() async throws {
        let table = try RankingOracle.shared.table(named: "missing-8x20").scoreTable()
        let plan = BootstrapPlan.seeded(seed: 2024, resamples: 50)
        let serial = try await Bootstrap.run(table, plan: plan, concurrency: 1)
        let parallel = try await Bootstrap.run(table, plan: plan, concurrency: 3)
        #expect(serial == parallel)
        #expect(serial.seed == 2024)
        #expect(serial.resampleCount == 50)
        #expect(serial.teams.allSatisfy { $0.rankCounts.reduce(0, +) == 50 })
    }

    @Test func cancellationStopsTheResamples() async throws {
        let table = try RankingOracle.shared.table(named: "tiny-5x6").scoreTable()
        let run = Task { try await Bootstrap.run(table, plan: .seeded(seed: 1, resamples: 10_000_000)) }
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
    }

    @Test func defaultPlanHasAThousandResamples() {
        #expect(BootstrapPlan.seeded(seed: 1).resampleCount == 1000)
    }

    @Test func rejectsACaseIndexOutsideTheTable() async throws {
        let table = try RankingOracle.shared.table(named: "tiny-5x6").scoreTable()
        await #expect(throws: RankingError.caseIndexOutOfRange(resample: 1, position: 2, index: 6, caseCount: 6)) {
            try await Bootstrap.run(table, plan: .explicit([[0, 1], [0, 1, 6]]))
        }
    }

    @Test func rejectsAnEmptyResample() async throws {
        let table = try RankingOracle.shared.table(named: "tiny-5x6").scoreTable()
        await #expect(throws: RankingError.emptyResample(resample: 0)) {
            try await Bootstrap.run(table, plan: .explicit([[]]))
        }
    }
}
