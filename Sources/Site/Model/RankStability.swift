import Challenge
import Foundation
import Scoring
import Store

/// How sure a team's rank is: bootstrap over the ranking split's cases (seeded, recorded), ranking the
/// teams' chosen entries by the mean of the primary metric's per-case values in each resample.
public struct RankStability: Sendable, Equatable {
    /// 2.5th and 97.5th percentiles of the team's rank across resamples.
    public let interval: (lower: Double, upper: Double)
    public let probabilityFirst: Double
    /// How often each rank (1…teams) occurred.
    public let rankCounts: [Int]
    /// 95% percentile bootstrap interval of the mean of the first ranking metric, over the same resamples.
    public let scoreInterval: (lower: Double, upper: Double)

    public static func == (lhs: RankStability, rhs: RankStability) -> Bool {
        lhs.interval == rhs.interval && lhs.probabilityFirst == rhs.probabilityFirst && lhs.rankCounts == rhs.rankCounts
            && lhs.scoreInterval == rhs.scoreInterval
    }

    /// The median rank across resamples.
    public var medianRank: Int {
        let total = rankCounts.reduce(0, +)
        var seen = 0
        for (index, count) in rankCounts.enumerated() {
            seen += count
            if 2 * seen >= total { return index + 1 }
        }
        return rankCounts.count
    }
}

/// Bootstrap settings of the published site.
public struct BootstrapSettings: Sendable, Equatable {
    public var resamples: Int
    public var seed: UInt64

    public init(resamples: Int = Bootstrap.defaultResampleCount, seed: UInt64 = 20_181_206) {
        self.resamples = resamples
        self.seed = seed
    }
}

enum RankStabilityBuilder {
    /// What the bootstrap and the tests give for a board.
    struct Analysis {
        var stability: [String: RankStability] = [:]
        var significance: Significance?
        /// Ranks by team under the phase's rule, when the rule is not the stored primary aggregate.
        var ranks: [String: Int]?
        /// Kendall's tau-b between the full ranking and each resampled one: median and quartiles.
        var kendallTau: QuartileSummary?
    }

    /// Stability of each ranked team (by name), the significance tests and, for rules other than the mean of the
    /// primary metric, the ranks themselves; nothing when the ranking metrics have no per-case values. Only the
    /// ranking split's cases are read, and it is always a split the audience may see.
    static func analyse(board: PhaseBoard, challenge: StoredChallenge, store: any ArbiterStore, settings: BootstrapSettings) async throws -> Analysis {
        let rule = board.phase.rankingRule
        let columns = challenge.spec.resultColumns
        let ranking = rule.metrics.isEmpty ? [challenge.spec.primaryColumn] : columns.filter { rule.metrics.contains($0.key) }
        let entries = board.rows.filter { $0.submissionID != nil }
        guard ranking.allSatisfy(\.isPerCase), entries.count >= 2, board.visibleSplits.contains(board.rankingSplit) else { return Analysis() }
        var matrices: [[[Double?]]] = []
        var caseIDs: [String] = []
        for column in ranking {
            let values = try store.caseValues(
                submissionIDs: entries.map { $0.submissionID! }, metric: column.key, splits: [board.rankingSplit],
                challenge: challenge, scorerVersion: challenge.spec.task.kind.scorerVersion)
            if caseIDs.isEmpty { caseIDs = Array(Set(values.values.flatMap(\.keys))).sorted() }
            matrices.append(entries.map { row in caseIDs.map { values[row.submissionID!]?[$0] } })
        }
        guard caseIDs.count >= 2 else { return Analysis() }
        let table = try ScoreTable(metrics: zip(ranking, matrices).map { MetricScores(name: $0.key, direction: $0.direction, values: $1) })
        let plan = BootstrapPlan.seeded(seed: settings.seed, resamples: settings.resamples)
        let result = try await Bootstrap.run(table, method: rule.method, plan: plan)
        let scores = ScoreIntervals.meanIntervals(matrices[0], direction: ranking[0].direction, plan: plan)
        var analysis = Analysis()
        // Keyed by name, which Swift compares by canonical equivalence: two teams kept before names were composed
        // (`TeamName`) may be equal here, and must not trap the page. The first keeps the key, and the second's row
        // shows the first's analyses (keying the board by team id would tell them apart).
        analysis.stability = Dictionary(zip(entries, zip(result.teams, scores)).map { row, pair in
            let (team, score) = pair
            return (row.team, RankStability(interval: (team.rankIntervalLower, team.rankIntervalUpper),
                                            probabilityFirst: team.probabilityFirst, rankCounts: team.rankCounts, scoreInterval: score))
        }, uniquingKeysWith: { first, _ in first })
        analysis.kendallTau = result.kendallTauQuartiles
        if !rule.usesStoredAggregates {
            analysis.ranks = Dictionary(zip(entries, result.fullRanking.ranks).map { ($0.team, $1) }, uniquingKeysWith: { first, _ in first })
        }
        // Tests compare with the leader under the rule, on the first ranking metric.
        let order = entries.indices.sorted { result.fullRanking.ranks[$0] < result.fullRanking.ranks[$1] }
        analysis.significance = try Significance(teams: order.map { entries[$0].team }, values: order.map { matrices[0][$0] },
                                                 direction: ranking[0].direction)
        return analysis
    }
}
