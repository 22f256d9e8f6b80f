import Challenge
import Foundation

/// The blob plot of Wiesenfarth et al. (challengeR): for each team, a circle at each rank sized by how
/// often the team took that rank across bootstrap resamples, with its median rank marked. SVG, no script.
enum BlobPlot {
    static func interval(_ stability: RankStability) -> String {
        let (lower, upper) = stability.interval
        return lower == upper ? String(format: "%g", lower) : String(format: "%g–%g", lower, upper)
    }

    static func fileName(_ board: PhaseBoard) -> String { "\(board.phase.slug)-ranks.svg" }

    /// The `<figure>` that shows the plot, or nothing when there is no bootstrap.
    static func figure(_ board: PhaseBoard) -> String {
        guard !board.stability.isEmpty, let settings = board.bootstrap else { return "" }
        let caption = "Rank stability over \(settings.resamples) bootstrap resamples of the \(board.rankingSplit.rawValue) cases (seed \(settings.seed))"
        return "<figure><img src=\"\(escape(fileName(board)))\" alt=\"\(escape(caption)): one row per team, circle area proportional to how often each rank occurred, black bar at the median rank.\">"
            + "<figcaption>\(escape(caption)). Circle area: share of resamples at that rank; bar: median rank.</figcaption></figure>\n"
    }

    static func svg(_ board: PhaseBoard) -> String? {
        let teams = board.rows.filter { board.stability[$0.team] != nil }
        guard !teams.isEmpty else { return nil }
        let rankCount = teams.count
        // Room on the left for the longest (shortened) team name; above for the rank axis.
        let longest = teams.map { PlotStyle.textWidth(PlotStyle.label($0.team)) }.max() ?? 0
        let (left, top, cell) = (max(72, longest + 16), 52.0, 36.0)
        var svg = PlotStyle.opening(width: left + cell * Double(rankCount) + 16, height: top + cell * Double(teams.count) + 12,
            title: "Rank stability: \(board.phase.title)",
            description: "For each team, circles at each rank sized by how often the team took that rank across bootstrap resamples; a bar marks the median rank.")
        for rank in 1...rankCount {
            let x = left + cell * (Double(rank) - 0.5)
            svg += "<text x=\"\(x)\" y=\"\(top - 10)\" text-anchor=\"middle\" font-size=\"\(Int(PlotStyle.tickFontSize))\">\(rank)</text>\n"
        }
        svg += "<text x=\"\(left + cell * Double(rankCount) / 2)\" y=\"\(top - 32)\" text-anchor=\"middle\">rank</text>\n"
        svg += "<line x1=\"\(left)\" x2=\"\(left + cell * Double(rankCount))\" y1=\"\(top - 2)\" y2=\"\(top - 2)\" stroke=\"\(PlotStyle.axis)\"/>\n"
        for (index, row) in teams.enumerated() {
            let stability = board.stability[row.team]!
            let y = top + cell * (Double(index) + 0.5)
            svg += "<text x=\"\(left - 10)\" y=\"\(y + 5)\" text-anchor=\"end\"><title>\(escape(row.team))</title>\(escape(PlotStyle.label(row.team)))</text>\n"
            let total = Double(max(1, stability.rankCounts.reduce(0, +)))
            for (rankIndex, count) in stability.rankCounts.enumerated() where count > 0 && rankIndex < rankCount {
                let radius = (cell / 2 - 2) * (Double(count) / total).squareRoot()
                svg += "<circle cx=\"\(left + cell * (Double(rankIndex) + 0.5))\" cy=\"\(y)\" r=\"\(String(format: "%.2f", radius))\" fill=\"\(PlotStyle.blob)\"><title>\(escape(row.team)): rank \(rankIndex + 1) in \(String(format: "%.1f", 100 * Double(count) / total))% of resamples</title></circle>\n"
            }
            let median = left + cell * (Double(stability.medianRank) - 0.5)
            svg += "<line x1=\"\(median)\" x2=\"\(median)\" y1=\"\(y - cell / 2 + 3)\" y2=\"\(y + cell / 2 - 3)\" stroke=\"\(PlotStyle.median)\" stroke-width=\"3\"/>\n"
        }
        return svg + "</svg>\n"
    }
}
