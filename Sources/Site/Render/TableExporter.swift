import Challenge
import Foundation
import Scoring

/// The same tables as the page, as JSON (all phases) and CSV (one file per phase).
struct TableExporter {
    let challenge: ChallengeSpec

    func csv(_ board: PhaseBoard) -> String {
        var header = ["rank", "team"]
        for split in board.visibleSplits {
            header += board.columns.map { BoardFormatting.columnKey($0, split) }
        }
        let uncertain = !board.stability.isEmpty
        if uncertain { header += ["score_interval_low@\(board.rankingSplit.rawValue)", "score_interval_high@\(board.rankingSplit.rawValue)", "rank_interval_low", "rank_interval_high", "p_rank_1"] }
        if board.significance != nil { header.append("not_worse_than_leader") }
        header += ["submissions", "last_submission"]
        var lines = [header.map(csvField).joined(separator: ",")]
        for row in board.rows {
            var fields = [row.rank.map(String.init) ?? "", row.team]
            for split in board.visibleSplits {
                fields += board.columns.map { BoardFormatting.exact(row.value($0, split)) }
            }
            if uncertain {
                let stability = board.stability[row.team]
                fields += [stability?.scoreInterval.lower, stability?.scoreInterval.upper, stability?.interval.lower, stability?.interval.upper,
                           stability?.probabilityFirst].map { BoardFormatting.exact($0) }
            }
            if let significance = board.significance {
                fields.append(row.rank == nil ? "" : (significance.firstPlaceGroup.contains(row.team) ? "yes" : "no"))
            }
            fields += [String(row.submissionCount), row.lastSubmittedAt.map(UTCInstant.format) ?? ""]
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func humanReadersFileName(_ board: PhaseBoard) -> String { "\(board.phase.slug)-human-readers.csv" }

    /// The human readers of a phase with a band, apart from the ranked teams: `reader,<primary>@<split>,items`.
    func humanReadersCSV(_ board: PhaseBoard) -> String? {
        guard let band = board.humanBand else { return nil }
        var lines = [["reader", BoardFormatting.columnKey(challenge.primaryColumn, board.rankingSplit), "items"].map(csvField).joined(separator: ",")]
        lines += band.readers.map { [$0.name, BoardFormatting.exact($0.value), String($0.items)].map(csvField).joined(separator: ",") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The phases as published, in canonical JSON (sorted keys, no spaces): what a snapshot signs.
    func canonicalPhases(_ boards: [PhaseBoard]) throws -> [LeaderboardDocument.Phase] {
        boards.map(phaseDocument)
    }

    func json(_ boards: [PhaseBoard], generatedAt: Date) throws -> String {
        let document = LeaderboardDocument(
            challenge: challenge.slug, title: challenge.title, generatedAt: UTCInstant.format(generatedAt),
            phases: boards.map(phaseDocument))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    private func phaseDocument(_ board: PhaseBoard) -> LeaderboardDocument.Phase {
        let columns = board.visibleSplits.flatMap { split in
            board.columns.map {
                LeaderboardDocument.Column(key: BoardFormatting.columnKey($0, split), metric: $0.key, title: $0.title,
                                           split: split.rawValue, direction: $0.direction.rawValue)
            }
        }
        let rows = board.rows.map { row in
            var values: [String: Double?] = [:]
            for split in board.visibleSplits {
                for column in board.columns { values[BoardFormatting.columnKey(column, split)] = row.value(column, split) }
            }
            let stability = board.stability[row.team]
            return LeaderboardDocument.Row(
                rank: row.rank, team: row.team, submission: row.submissionID, values: values,
                submissions: row.submissionCount, lastSubmission: row.lastSubmittedAt.map(UTCInstant.format),
                rankInterval: stability.map { [$0.interval.lower, $0.interval.upper] }, probabilityFirst: stability?.probabilityFirst,
                scoreInterval: stability.map { [$0.scoreInterval.lower, $0.scoreInterval.upper] },
                rankCounts: stability?.rankCounts,
                inFirstPlaceGroup: board.significance.map { $0.firstPlaceGroup.contains(row.team) })
        }
        return LeaderboardDocument.Phase(
            slug: board.phase.slug, title: board.phase.title, status: board.status.rawValue,
            rankedBy: BoardFormatting.columnKey(challenge.primaryColumn, board.rankingSplit), columns: columns, rows: rows,
            publicPrivateKendallTau: board.publicPrivateTau,
            significance: board.significance.map { LeaderboardDocument.SignificanceMatrix(teams: $0.mapTeams, alpha: $0.alpha, holmAdjustedPValues: $0.adjusted) },
            curves: board.rows.compactMap { row in board.curves[row.team].map { LeaderboardDocument.TeamCurves(team: row.team, curves: $0) } },
            bootstrap: board.bootstrap.flatMap { settings in
                board.stability.isEmpty ? nil : LeaderboardDocument.Bootstrap(
                    resamples: settings.resamples, seed: settings.seed, kendallTauMedian: board.bootstrapTau?.median,
                    kendallTauLowerQuartile: board.bootstrapTau?.lowerQuartile, kendallTauUpperQuartile: board.bootstrapTau?.upperQuartile)
            },
            humanReaders: board.humanBand.map { humanReaders($0, board) })
    }

    private func humanReaders(_ band: HumanBand, _ board: PhaseBoard) -> LeaderboardDocument.HumanReaders {
        LeaderboardDocument.HumanReaders(
            study: band.study, value: BoardFormatting.columnKey(challenge.primaryColumn, board.rankingSplit),
            range: band.range.map { [$0.lower, $0.upper] }, notApplicable: band.notApplicable,
            readers: band.readers.map { .init(name: $0.name, value: $0.value, items: $0.items) })
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The JSON leaderboard's shape.
struct LeaderboardDocument: Encodable {
    struct Column: Encodable {
        let key: String
        let metric: String
        let title: String
        let split: String
        let direction: String
    }

    struct Row: Encodable {
        let rank: Int?
        let team: String
        let submission: Int64?
        let values: [String: Double?]
        let submissions: Int
        let lastSubmission: String?
        /// 95% bootstrap interval of the rank, and the share of resamples ranking the team first.
        let rankInterval: [Double]?
        let probabilityFirst: Double?
        /// 95% bootstrap interval of the mean of the first ranking metric on the ranking split.
        let scoreInterval: [Double]?
        /// How often the team took each rank (1, 2, …) across resamples: the blob plot's data.
        let rankCounts: [Int]?
        /// Not significantly worse than the leader (one-sided Wilcoxon, Holm, alpha 0.05).
        let inFirstPlaceGroup: Bool?
    }

    struct Phase: Encodable {
        let slug: String
        let title: String
        let status: String
        let rankedBy: String
        let columns: [Column]
        let rows: [Row]
        /// Kendall's tau-b between the public and private rankings, once both are published.
        let publicPrivateKendallTau: Double?
        /// The significance map's data: `holmAdjustedPValues[i][j]` that team i beats team j.
        let significance: SignificanceMatrix?
        /// The plotted curves of each team's entry.
        let curves: [TeamCurves]
        let bootstrap: Bootstrap?
        /// The human readers of the phase's study, each scored against the others' majority; never ranked.
        let humanReaders: HumanReaders?
    }

    /// Human readers beside the ranking: anonymised names, each one's primary score (`value`, a column key) and cases.
    struct HumanReaders: Encodable {
        struct Reader: Encodable {
            let name: String
            let value: Double?
            let items: Int
        }

        let study: String
        let value: String
        /// Lowest and highest reader score: the band.
        let range: [Double]?
        let notApplicable: String?
        let readers: [Reader]
    }

    struct SignificanceMatrix: Encodable {
        let teams: [String]
        let alpha: Double
        let holmAdjustedPValues: [[Double?]]
    }

    struct TeamCurves: Encodable {
        let team: String
        let curves: [CurvePlot.Curve]
    }

    /// The bootstrap behind the intervals: its settings and how stable the ranking was.
    struct Bootstrap: Encodable {
        let resamples: Int
        let seed: UInt64
        let kendallTauMedian: Double?
        let kendallTauLowerQuartile: Double?
        let kendallTauUpperQuartile: Double?
    }

    let challenge: String
    let title: String
    let generatedAt: String
    let phases: [Phase]
}
