import Challenge
import Foundation

/// A heat map of the pairwise tests: cell (row i, column j) is dark when team i is significantly better
/// than team j (Holm-adjusted one-sided Wilcoxon p-value below alpha). SVG, readable without script.
enum SignificanceMap {
    static func fileName(_ board: PhaseBoard) -> String { "\(board.phase.slug)-significance.svg" }

    static func figure(_ board: PhaseBoard) -> String {
        guard let significance = board.significance, significance.mapTeams.count >= 2 else { return "" }
        let caption = "Pairwise one-sided Wilcoxon signed-rank tests on the \(board.rankingSplit.rawValue) cases, Holm-adjusted"
        return "<figure><img src=\"\(escape(fileName(board)))\" alt=\"\(escape(caption)): a dark cell means the row's team is significantly better than the column's team at alpha \(significance.alpha).\">"
            + "<figcaption>\(escape(caption)) (top \(significance.mapTeams.count) teams). Dark: the row's team is significantly better than the column's.</figcaption></figure>\n"
    }

    static func svg(_ board: PhaseBoard) -> String? {
        guard let significance = board.significance, significance.mapTeams.count >= 2 else { return nil }
        let teams = significance.mapTeams
        let (left, top, cell) = (140.0, 130.0, 22.0)
        let size = (left + cell * Double(teams.count) + 10, top + cell * Double(teams.count) + 10)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(size.0))" height="\(Int(size.1))" viewBox="0 0 \(Int(size.0)) \(Int(size.1))" role="img" aria-labelledby="title desc">
            <title id="title">Significance map: \(escape(board.phase.title))</title>
            <desc id="desc">Rows and columns are teams in rank order; a dark cell means the row's team is significantly better than the column's team (one-sided Wilcoxon signed-rank test, Holm-adjusted, alpha \(significance.alpha)).</desc>
            <style>text{font:11px sans-serif}</style>

            """
        for (index, team) in teams.enumerated() {
            let offset = cell * (Double(index) + 0.5)
            svg += "<text x=\"\(left - 6)\" y=\"\(top + offset + 4)\" text-anchor=\"end\">\(escape(team))</text>\n"
            svg += "<text transform=\"translate(\(left + offset + 4),\(top - 6)) rotate(-60)\">\(escape(team))</text>\n"
        }
        for row in teams.indices {
            for column in teams.indices where row != column {
                let p = significance.adjusted[row][column]
                let fill = p.map { $0 < significance.alpha ? "#1f4e79" : "#dce6f0" } ?? "#ffffff"
                let label = p.map { String(format: "p = %.3g", $0) } ?? "no test"
                svg += "<rect x=\"\(left + cell * Double(column))\" y=\"\(top + cell * Double(row))\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" fill=\"\(fill)\"><title>\(escape(teams[row])) better than \(escape(teams[column])): \(label)</title></rect>\n"
            }
        }
        return svg + "</svg>\n"
    }
}
