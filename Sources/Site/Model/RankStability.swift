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

    public static func == (lhs: RankStability, rhs: RankStability) -> Bool {
        lhs.interval == rhs.interval && lhs.probabilityFirst == rhs.probabilityFirst && lhs.rankCounts == rhs.rankCounts
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
    /// Stability of each ranked team (by name) and the significance tests, or nothing when the primary
    /// metric has no per-case values. Only the ranking split's cases are read, and it is always a split
    /// the audience may see.
    static func analyse(board: PhaseBoard, challenge: StoredChallenge, store: SQLiteStore, settings: BootstrapSettings) async throws
        -> (stability: [String: RankStability], significance: Significance?)
    {
        let primary = challenge.spec.primaryColumn
        let ranked = board.rows.filter { $0.rank != nil && $0.submissionID != nil }
        guard primary.isPerCase, ranked.count >= 2, board.visibleSplits.contains(board.rankingSplit) else { return ([:], nil) }
        let values = try store.caseValues(
            submissionIDs: ranked.map { $0.submissionID! }, metric: primary.key, splits: [board.rankingSplit],
            challenge: challenge, scorerVersion: challenge.spec.task.kind.scorerVersion)
        let cases = Array(Set(values.values.flatMap(\.keys))).sorted()
        guard cases.count >= 2 else { return ([:], nil) }
        let matrix = ranked.map { row in cases.map { values[row.submissionID!]?[$0] } }
        let table = try ScoreTable(metrics: [MetricScores(name: primary.key, direction: primary.direction, values: matrix)])
        let result = try await Bootstrap.run(table, plan: .seeded(seed: settings.seed, resamples: settings.resamples))
        let stability = Dictionary(uniqueKeysWithValues: zip(ranked, result.teams).map { row, team in
            (row.team, RankStability(interval: (team.rankIntervalLower, team.rankIntervalUpper),
                                     probabilityFirst: team.probabilityFirst, rankCounts: team.rankCounts))
        })
        let significance = try Significance(teams: ranked.map(\.team), values: matrix, direction: primary.direction)
        return (stability, significance)
    }
}
