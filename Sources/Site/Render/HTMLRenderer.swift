import Challenge
import Foundation
import Scoring
import Store

/// Renders the leaderboard page body; the page frame comes from `Leaderboard/page.html`.
struct HTMLRenderer {
    let challenge: ChallengeSpec

    func body(_ boards: [PhaseBoard]) -> String {
        var html = "<header><h1>\(escape(challenge.title))</h1>\n<p>\(escape(challenge.description))</p></header>\n"
        for board in boards { html += section(board) }
        return html
    }

    private func section(_ board: PhaseBoard) -> String {
        let phase = board.phase
        var html = "<section id=\"\(escape(phase.slug))\">\n<h2>\(escape(phase.title))</h2>\n"
        html += "<p class=\"phase-meta\">\(statusText(board)) · \(UTCInstant.format(phase.opens)) to \(UTCInstant.format(phase.closes))"
        html += " · ranked by \(escape(rankingText(board))) on the \(board.rankingSplit.rawValue) split"
        html += " · <a href=\"\(escape(phase.slug)).csv\">CSV</a> · <a href=\"leaderboard.json\">JSON</a></p>\n"
        if let tau = board.bootstrapTau, let settings = board.bootstrap {
            html += "<p class=\"phase-meta\">Ranking stability over \(settings.resamples) bootstrap resamples (seed \(settings.seed)): Kendall's tau-b with the full ranking, median \(String(format: "%.3f", tau.median)) (quartiles \(String(format: "%.3f", tau.lowerQuartile)) to \(String(format: "%.3f", tau.upperQuartile))).</p>\n"
        }
        if let tau = board.publicPrivateTau {
            html += "<p class=\"phase-meta\">Agreement of the public-split and private-split rankings: Kendall's tau-b = \(String(format: "%.3f", tau)).</p>\n"
        }
        for change in board.rankingChanges {
            html += "<p class=\"notice\">The ranking of this phase was changed after it opened, by the organisers (forced), on \(escape(change))</p>\n"
        }
        html += humanBandText(board)
        html += TableBox.wrap(table(board), label: "Ranking: \(phase.title)")
        let plots = ScoreAxisPlot.figure(board, primary: challenge.primaryColumn) + BlobPlot.figure(board) + SignificanceMap.figure(board) + CurvePlot.figures(board)
        // The plots share a grid: side by side where the page is wide, one under another on a phone.
        if !plots.isEmpty { html += "<div class=\"plots\">\n\(plots)</div>\n" }
        html += "</section>\n"
        return html
    }

    /// The ranking table; its first two columns (rank, team) stay in view while the others scroll.
    private func table(_ board: PhaseBoard) -> String {
        var html = "<table class=\"ranking\">\n<thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Team</th>"
        for split in board.visibleSplits {
            for column in board.columns {
                html += "<th title=\"\(escape(column.direction.caption))\">\(escape(column.title))<br>"
                html += "<small>\(split.rawValue) · \(column.direction == .higherIsBetter ? "↑" : "↓") \(column.direction.caption)</small></th>"
            }
        }
        if !board.stability.isEmpty {
            html += "<th title=\"2.5th to 97.5th percentile of the mean score over bootstrap resamples of the cases\">Score 95% interval<br><small>\(board.rankingSplit.rawValue)</small></th>"
            html += "<th title=\"2.5th to 97.5th percentile of the team's rank over bootstrap resamples of the cases\">Rank 95% interval</th>"
            html += "<th title=\"share of resamples in which the team ranks first\">P(rank 1)</th>"
        }
        if board.significance != nil {
            html += "<th title=\"not significantly worse than the leader: one-sided Wilcoxon signed-rank test, Holm-adjusted, alpha 0.05\">≈ leader</th>"
        }
        html += "<th>Submissions</th><th>Last submission (UTC)</th></tr></thead>\n<tbody>\n"
        for row in board.rows { html += tableRow(row, board) }
        html += humanRows(board)
        return html + "</tbody>\n</table>\n"
    }

    /// What the band is, under the phase's heading.
    private func humanBandText(_ board: PhaseBoard) -> String {
        guard let band = board.humanBand else { return "" }
        if let reason = band.notApplicable {
            return "<p class=\"phase-meta\">Human readers of the study “\(escape(band.study))” are not shown: \(escape(reason)).</p>\n"
        }
        guard band.range != nil else {
            return "<p class=\"phase-meta\">Human readers of the study “\(escape(band.study))” are not shown: none of their reads of the \(board.rankingSplit.rawValue) cases could be scored against the other readers.</p>\n"
        }
        let counts = band.readers.map(\.items)
        let items = counts.min() == counts.max() ? "\(counts.first ?? 0)" : "\(counts.min() ?? 0) to \(counts.max() ?? 0)"
        var text = "<p class=\"phase-meta\">Human readers: the \(band.readers.count) readers of the study “\(escape(band.study))”, each scored with \(escape(challenge.primaryColumn.title)) against the majority of the other readers on \(items) of the \(board.rankingSplit.rawValue) cases"
        if let range = band.range { text += "; range \(BoardFormatting.display(range.lower)) to \(BoardFormatting.display(range.upper))" }
        return text + ". They are listed below the teams and are not ranked.</p>\n"
    }

    /// One unranked row per human reader, with a value in the ranking split's primary column only.
    private func humanRows(_ board: PhaseBoard) -> String {
        guard let band = board.humanBand, band.notApplicable == nil, band.range != nil else { return "" }
        let primary = challenge.primaryColumn
        var extra = board.stability.isEmpty ? 0 : 3
        if board.significance != nil { extra += 1 }
        return band.readers.map { reader in
            var html = "<tr class=\"human\"><td class=\"number\">–</td><td>\(escape(reader.name)) <small>human reader</small></td>"
            for split in board.visibleSplits {
                for column in board.columns {
                    let shown = split == board.rankingSplit && column.key == primary.key
                    html += "<td class=\"number\"\(shown ? " title=\"on \(reader.items) cases\"" : "")>\(shown ? BoardFormatting.display(reader.value) : "–")</td>"
                }
            }
            html += String(repeating: "<td class=\"rank\">–</td>", count: extra)
            return html + "<td class=\"number\">–</td><td class=\"when\">–</td></tr>\n"
        }.joined()
    }

    private func tableRow(_ row: PhaseBoard.Row, _ board: PhaseBoard) -> String {
        var html = "<tr\(row.rank == 1 ? " class=\"leader\"" : "")><td class=\"number\">\(row.rank.map(String.init) ?? "–")</td><td><a href=\"\(escape(TeamPage.fileName(row.team)))\">\(escape(row.team))</a></td>"
        for split in board.visibleSplits {
            for column in board.columns {
                html += "<td class=\"number\">\(BoardFormatting.display(row.value(column, split)))</td>"
            }
        }
        if !board.stability.isEmpty {
            let stability = board.stability[row.team]
            html += "<td class=\"number rank\">\(stability.map { "\(BoardFormatting.display($0.scoreInterval.lower))–\(BoardFormatting.display($0.scoreInterval.upper))" } ?? "–")</td>"
            html += "<td class=\"number rank\">\(stability.map { BlobPlot.interval($0) } ?? "–")</td>"
            html += "<td class=\"number rank\">\(stability.map { String(format: "%.3f", $0.probabilityFirst) } ?? "–")</td>"
        }
        if let significance = board.significance {
            html += "<td class=\"rank\">\(row.rank == nil ? "–" : (significance.firstPlaceGroup.contains(row.team) ? "yes" : "no"))</td>"
        }
        html += "<td class=\"number\">\(row.submissionCount)</td><td class=\"when\">\(row.lastSubmittedAt.map(UTCInstant.format) ?? "–")</td></tr>\n"
        return html
    }

    private func rankingText(_ board: PhaseBoard) -> String {
        let rule = board.phase.rankingRule
        let metrics = rule.metrics.isEmpty ? [challenge.primaryColumn.title]
            : challenge.resultColumns.filter { rule.metrics.contains($0.key) }.map(\.title)
        let base = rule.usesStoredAggregates ? metrics.joined(separator: ", ")
            : "\(rule.scheme.rawValue.replacingOccurrences(of: "-", with: " ")) (\(rule.aggregation.rawValue)) of \(metrics.joined(separator: ", "))"
        return metrics.count > 1 ? base + ", per-metric ranks combined by \(rule.metricAggregation.rawValue)" : base
    }

    private func statusText(_ board: PhaseBoard) -> String {
        switch board.status {
        case .upcoming: "Not open yet"
        case .open: "Open: private-split scores are sealed until the organisers publish them"
        case .closed: "Closed: private-split scores are sealed until the organisers publish them"
        case .published: "Final results published"
        }
    }
}

/// Escapes text for HTML element content and attribute values.
func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        default: escaped.append(character)
        }
    }
    return escaped
}
