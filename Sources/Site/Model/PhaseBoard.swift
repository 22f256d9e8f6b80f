import Challenge
import Foundation
import Scoring
import Store

/// One phase's leaderboard, holding only numbers its audience may see.
public struct PhaseBoard: Sendable {
    /// Whether the phase takes submissions now, has closed, or has had its private split published.
    public enum Status: String, Sendable, Codable {
        case upcoming
        case open
        case closed
        case published
    }

    /// A team's line.
    public struct Row: Sendable {
        /// Nil for a team without a scored entry (it is listed after the ranked teams).
        public let rank: Int?
        public let team: String
        public let submissionID: Int64?
        public let values: [Split: [String: Double?]]
        public let submissionCount: Int
        public let lastSubmittedAt: Date?
    }

    public let phase: PhaseSpec
    public let status: Status
    public let columns: [ResultColumn]
    /// The splits whose numbers appear, public first.
    public let visibleSplits: [Split]
    /// The split the ranking is computed on: the private one once published, else the public one.
    public let rankingSplit: Split
    public private(set) var rows: [Row]
    /// Each team's scored submissions in time order, with the values of the visible splits (as the board shows them).
    public let histories: [String: [HistoryPoint]]

    /// One scored submission of a team.
    public struct HistoryPoint: Sendable {
        public let submissionID: Int64
        public let submittedAt: Date
        public let values: [Split: [String: Double?]]
    }
    /// Bootstrap rank stability by team name (empty when the primary metric has no per-case values).
    public var stability: [String: RankStability] = [:]
    public var bootstrap: BootstrapSettings?
    /// Kendall's tau-b between the full ranking and each bootstrap ranking: median and quartiles.
    public var bootstrapTau: QuartileSummary?
    /// FROC, lesion and ROC curves of each team's entry on the ranking split, for tasks that have them.
    var curves: [String: [CurvePlot.Curve]] = [:]
    /// Kendall's tau-b between the rankings on the public and the private split, once the private one is published.
    public var publicPrivateTau: Double?
    /// Forced changes of the ranking rule after the phase opened, as "time: old -> new" (from the audit log).
    public var rankingChanges: [String] = []
    /// The leader's group and the pairwise tests, when the primary metric has per-case values.
    public var significance: Significance?
    /// The human readers' scores on the ranking split, when the phase shows them (`human-band:`); never ranked.
    public var humanBand: HumanBand?

    /// Replaces the ranks (teams missing from `ranks` are unranked) and re-sorts the rows.
    mutating func rerank(_ ranks: [String: Int]) {
        rows = rows.map { row in
            Row(rank: ranks[row.team], team: row.team, submissionID: row.submissionID, values: row.values,
                submissionCount: row.submissionCount, lastSubmittedAt: row.lastSubmittedAt)
        }
        .sorted { ($0.rank ?? Int.max, $0.team) < ($1.rank ?? Int.max, $1.team) }
    }

    /// Kendall's tau-b of the public-split and private-split ranks of the ranked teams, when both splits are shown.
    func splitAgreement(primary: ResultColumn) -> Double? {
        guard let privateSplit = phase.privateSplit, visibleSplits.contains(privateSplit), privateSplit != phase.publicSplit else { return nil }
        let pairs = rows.compactMap { row -> (Double, Double)? in
            guard let a = row.values[phase.publicSplit]?[primary.key] ?? nil, let b = row.values[privateSplit]?[primary.key] ?? nil else { return nil }
            return (a, b)
        }
        guard pairs.count >= 2 else { return nil }
        let sign = primary.direction == .higherIsBetter ? -1.0 : 1.0
        return try? KendallTau.tauB(pairs.map { sign * $0.0 }, pairs.map { sign * $0.1 })
    }
}
