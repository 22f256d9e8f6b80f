import Challenge
import Foundation
import Scoring
import Store

/// A team's page: its entry in each phase with every metric and its rank interval, its submissions over time,
/// and its score history as an SVG plot. Only the splits the leaderboard shows appear.
struct TeamPage {
    let challenge: ChallengeSpec

    /// The page of a team, unique and stable: a name that is already its own slug (lowercase letters, digits and
    /// hyphens) keeps it; any other gets its slug, "_" and the start of its name's SHA-256. "_" never appears in a
    /// slug, so "Team A", "team-a" and "TEAM_A" get three pages, and no team can name itself onto another's page.
    static func fileName(_ team: String) -> String {
        let slug = team.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        guard slug.isEmpty || slug != team else { return "teams/\(slug).html" }
        let suffix = ContentDigest.sha256(Array(team.utf8)).prefix(10)
        return "teams/\(slug.isEmpty ? "team" : slug)_\(suffix).html"
    }

    func html(team: String, boards: [PhaseBoard], style: String = "../style.css") -> (page: String, plots: [(String, String)]) {
        let data = String(Self.fileName(team).dropFirst("teams/".count)).replacingOccurrences(of: ".html", with: ".json")
        var body = "<p><a href=\"../index.html\">← Leaderboard</a> · <a href=\"\(escape(data))\">JSON</a></p>\n<h1>\(escape(team))</h1>\n"
        var plots: [(String, String)] = []
        for board in boards {
            guard let row = board.rows.first(where: { $0.team == team }) else { continue }
            body += "<section><h2>\(escape(board.phase.title))</h2>\n"
            body += "<p>Rank \(row.rank.map(String.init) ?? "–")"
            if let stability = board.stability[team] {
                body += " (95% bootstrap interval \(BlobPlot.interval(stability)), ranked first in \(String(format: "%.1f", 100 * stability.probabilityFirst))% of resamples)"
                body += " · \(escape(challenge.primaryColumn.title)) 95% interval \(BoardFormatting.display(stability.scoreInterval.lower))–\(BoardFormatting.display(stability.scoreInterval.upper)) on the \(board.rankingSplit.rawValue) split"
            }
            body += " · \(row.submissionCount) submission\(row.submissionCount == 1 ? "" : "s")</p>\n"
            var table = "<table><thead><tr><th scope=\"col\">Submitted (UTC)</th>"
            for split in board.visibleSplits { for column in board.columns { table += "<th scope=\"col\">\(escape(column.title))<br><small>\(split.rawValue) · \(column.direction.caption)</small></th>" } }
            table += "</tr></thead><tbody>\n"
            let history = board.histories[team] ?? []
            for point in history {
                let chosen = point.submissionID == row.submissionID ? " class=\"chosen\"" : ""
                table += "<tr\(chosen)><td>\(UTCInstant.format(point.submittedAt))\(chosen.isEmpty ? "" : " (entry)")</td>"
                for split in board.visibleSplits {
                    for column in board.columns { table += "<td class=\"number\">\(BoardFormatting.display(point.values[split]?[column.key] ?? nil))</td>" }
                }
                table += "</tr>\n"
            }
            if history.isEmpty {
                body += "<p>No scored submissions in this phase yet.</p>\n"
            } else {
                body += TableBox.wrap(table + "</tbody></table>\n", label: "Submissions of \(team): \(board.phase.title)")
            }
            if let svg = ScoreHistoryPlot(challenge: challenge).svg(history, board: board, team: team) {
                let name = Self.fileName(team).replacingOccurrences(of: ".html", with: "-\(board.phase.slug).svg")
                plots.append((name, svg))
                let alt = "\(challenge.primaryColumn.title) on the \(board.phase.publicSplit.rawValue) split of each submission over time"
                body += "<figure><img src=\"\(escape(String(name.dropFirst("teams/".count))))\" alt=\"\(escape(alt))\"><figcaption>\(escape(alt)).</figcaption></figure>\n"
            }
            body += "</section>\n"
        }
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(team)): \(escape(challenge.title))</title>
            <link rel="stylesheet" href="\(style)"></head><body>
            <a class="skip" href="#content">Skip to content</a>
            <main id="content">
            \(body)</main></body></html>

            """
        return (page, plots)
    }

    /// The page's data as JSON: per phase, the entry's rank and intervals and every submission's visible values.
    func json(team: String, boards: [PhaseBoard]) throws -> String {
        struct Submission: Encodable { let submittedAt: String; let entry: Bool; let values: [String: Double?] }
        struct Phase: Encodable {
            let phase: String; let rank: Int?; let rankInterval: [Double]?; let scoreInterval: [Double]?
            let probabilityFirst: Double?; let submissions: [Submission]
        }
        let phases = boards.compactMap { board -> Phase? in
            guard let row = board.rows.first(where: { $0.team == team }) else { return nil }
            let stability = board.stability[team]
            let submissions = (board.histories[team] ?? []).map { point in
                var values: [String: Double?] = [:]
                for split in board.visibleSplits { for column in board.columns { values[BoardFormatting.columnKey(column, split)] = point.values[split]?[column.key] ?? nil } }
                return Submission(submittedAt: UTCInstant.format(point.submittedAt), entry: point.submissionID == row.submissionID, values: values)
            }
            return Phase(phase: board.phase.slug, rank: row.rank, rankInterval: stability.map { [$0.interval.lower, $0.interval.upper] },
                         scoreInterval: stability.map { [$0.scoreInterval.lower, $0.scoreInterval.upper] },
                         probabilityFirst: stability?.probabilityFirst, submissions: submissions)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["team": AnyEncodable(team), "phases": AnyEncodable(phases)]), as: UTF8.self) + "\n"
    }
}

/// Wraps values of different types for one JSON object.
private struct AnyEncodable: Encodable {
    let encodeValue: (any Encoder) throws -> Void
    init(_ value: some Encodable) { encodeValue = value.encode(to:) }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
