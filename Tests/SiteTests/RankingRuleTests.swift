import Challenge
import Foundation
import Judge
import Site
import PlatformSupport
import Store
import Testing

@Suite struct RankingRuleTests {
    @Test func rankingSectionIsReadWithItsBootstrapSettings() throws {
        let platform = try Platform(ranking: "{ scheme: rank-then-aggregate, aggregation: median, metrics: [cost-matrix, accuracy], bootstrap: { resamples: 200, seed: 7 } }")
        let rule = try #require(platform.spec.phase("final")).rankingRule
        #expect(rule.scheme == .rankThenAggregate)
        #expect(rule.metrics == ["cost-matrix", "accuracy"])
        #expect(rule.bootstrapResamples == 200 && rule.bootstrapSeed == 7)
    }

    @Test func aMetricWithoutPerCaseValuesCannotBeRankedPerCase() {
        do {
            _ = try Platform(ranking: "{ scheme: rank-then-aggregate, metrics: [quadratic-weighted-kappa] }")
            Issue.record("accepted rank-then-aggregate of kappa")
        } catch {
            #expect("\(error)".contains("needs per-case values"))
        }
    }

    @Test func unknownRankingMetricNamesTheColumns() {
        do {
            _ = try Platform(ranking: "{ metrics: [f1] }")
            Issue.record("accepted an unknown metric")
        } catch {
            #expect("\(error)".contains("\"f1\" is not a result column"))
        }
    }

    @Test func changingTheRankingOfAnOpenPhaseIsRefusedUnlessForcedAndThenShown() async throws {
        let platform = try Platform()
        let changed = try ChallengeSpecParser.parse(
            yaml: Platform.yaml(ranking: "{ scheme: rank-then-aggregate, aggregation: median }"), file: "challenge.yaml")
        let later = Platform.opens.addingTimeInterval(86_400)
        #expect(throws: StoreError.self) { try platform.store.registerChallenge(changed, now: later) }
        try platform.store.registerChallenge(changed, now: later, force: true)
        #expect(try platform.store.auditLog(challenge: "small").contains { $0.action == "phase.ranking-changed" })
        let token = try platform.addTeam("alpha")
        try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 86_500)
        _ = try await Judge(store: platform.store, worker: "test", clock: { later.addingTimeInterval(600) }).drain()
        let site = platform.folder.appendingPathComponent("site")
        try await LeaderboardSite(store: platform.store, assets: Platform.root.appendingPathComponent("Leaderboard"))
            .build(challenge: "small", output: site, now: later.addingTimeInterval(700))
        let page = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("was changed after it opened"))
        #expect(page.contains("rank then aggregate (median)"))
    }
}

@Suite struct TeamNameEquivalenceTests {
    /// Two teams kept before names were composed, "Café" precomposed and decomposed: distinct rows to the database,
    /// one key to the board's dictionaries, which trapped every leaderboard request. The board is built.
    @Test func aBoardWithTwoCanonicallyEqualOldTeamNamesIsBuilt() async throws {
        let platform = try Platform()
        let first = try platform.addTeam("Caf\u{E9}"), second = try platform.addTeam("bravo")
        try platform.submit(first, [0, 1, 2, 0, 1, 2], at: 10)
        try platform.submit(second, [0, 1, 0, 0, 1, 2], at: 11)
        _ = try await Judge(store: platform.store, worker: "test", clock: { Platform.opens.addingTimeInterval(600) }).drain()
        try #require(platform.store as? SQLiteStore).renameTeamAsKeptBeforeNamesWereComposedForTesting("bravo", to: "Cafe\u{301}")
        let site = platform.folder.appendingPathComponent("site")
        try await LeaderboardSite(store: platform.store, assets: Platform.root.appendingPathComponent("Leaderboard"))
            .build(challenge: "small", output: site, now: Platform.opens.addingTimeInterval(700))
        let page = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("Caf\u{E9}"))
    }
}

@Suite struct LadderBoardTests {
    @Test func theLadderHoldsAPublicScoreUntilAClearImprovement() async throws {
        let platform = try Platform(limits: "{ total: 10 }", finalEntry: "latest", feedback: "ladder")
        let token = try platform.addTeam("prober")
        // Public cases A–D (labels 0,1,2,0): first 2 of 4 right, then 3 of 4 (within one standard error).
        try platform.submit(token, [0, 1, 0, 1, 1, 2], at: 1)
        try platform.submit(token, [0, 1, 2, 1, 1, 2], at: 2)
        _ = try await Judge(store: platform.store, worker: "test", clock: { Platform.opens.addingTimeInterval(600) }).drain()
        let (_, boards) = try LeaderboardAssembler(store: platform.store).boards(challenge: "small", now: Platform.opens.addingTimeInterval(700))
        let shown = boards[0].rows[0].values[.public]?["cost-matrix"] ?? nil
        let stored = try platform.store.aggregates(submissionID: 2, splits: [.public])[.public]?["cost-matrix"] ?? nil
        #expect(shown != stored)
        #expect(shown == (try platform.store.aggregates(submissionID: 1, splits: [.public])[.public]?["cost-matrix"] ?? nil))
    }
}
