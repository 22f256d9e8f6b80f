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
        let (left, top, cell) = (140.0, 40.0, 36.0)
        let width = left + cell * Double(rankCount) + 20
        let height = top + cell * Double(teams.count) + 40
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="title desc">
            <title id="title">Rank stability: \(escape(board.phase.title))</title>
            <desc id="desc">For each team, circles at each rank sized by how often the team took that rank across bootstrap resamples; a bar marks the median rank.</desc>
            <style>text{font:12px sans-serif}.axis{fill:#444}</style>

            """
        for rank in 1...rankCount {
            let x = left + cell * (Double(rank) - 0.5)
            svg += "<text class=\"axis\" x=\"\(x)\" y=\"\(top - 12)\" text-anchor=\"middle\">\(rank)</text>\n"
        }
        svg += "<text class=\"axis\" x=\"\(left + cell * Double(rankCount) / 2)\" y=\"\(top - 26)\" text-anchor=\"middle\">rank</text>\n"
        for (index, row) in teams.enumerated() {
            let stability = board.stability[row.team]!
            let y = top + cell * (Double(index) + 0.5)
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\">\(escape(row.team))</text>\n"
            let total = Double(max(1, stability.rankCounts.reduce(0, +)))
            for (rankIndex, count) in stability.rankCounts.enumerated() where count > 0 && rankIndex < rankCount {
                let radius = (cell / 2 - 2) * (Double(count) / total).squareRoot()
                svg += "<circle cx=\"\(left + cell * (Double(rankIndex) + 0.5))\" cy=\"\(y)\" r=\"\(String(format: "%.2f", radius))\" fill=\"#3b6ea8\" fill-opacity=\"0.75\"><title>\(escape(row.team)): rank \(rankIndex + 1) in \(String(format: "%.1f", 100 * Double(count) / total))% of resamples</title></circle>\n"
            }
            let median = left + cell * (Double(stability.medianRank) - 0.5)
            svg += "<line x1=\"\(median)\" x2=\"\(median)\" y1=\"\(y - cell / 2 + 3)\" y2=\"\(y + cell / 2 - 3)\" stroke=\"#000\" stroke-width=\"2\"/>\n"
        }
        return svg + "</svg>\n"
    }
}
