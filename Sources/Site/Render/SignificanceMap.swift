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
        let count = Double(teams.count)
        // Row names sit to the left; column names are turned 60° and so need about 0.87 of their length above
        // the grid and half of it to the right of their column.
        let longest = teams.map { PlotStyle.textWidth(PlotStyle.label($0)) }.max() ?? 0
        let (left, top, cell) = (max(72, longest + 14), longest * 0.87 + 16, 32.0)
        let legend = [(PlotStyle.significant, "row's team significantly better (adjusted p < \(PlotStyle.number(significance.alpha)))"),
                      (PlotStyle.notSignificant, "not significantly better")]
        let legendTop = top + cell * count + 20
        let width = max(left + cell * (count - 0.5) + 4 + longest * 0.5, 36 + legend.map { PlotStyle.textWidth($0.1) }.max()!) + 12
        var svg = PlotStyle.opening(width: width, height: legendTop + 26 * Double(legend.count),
            title: "Significance map: \(board.phase.title)",
            description: "Rows and columns are teams in rank order; a dark cell means the row's team is significantly better than the column's team (one-sided Wilcoxon signed-rank test, Holm-adjusted, alpha \(significance.alpha)).")
        for (index, team) in teams.enumerated() {
            let offset = cell * (Double(index) + 0.5)
            let name = "<title>\(escape(team))</title>\(escape(PlotStyle.label(team)))"
            svg += "<text x=\"\(left - 8)\" y=\"\(top + offset + 5)\" text-anchor=\"end\">\(name)</text>\n"
            svg += "<text transform=\"translate(\(left + offset + 4),\(top - 8)) rotate(-60)\">\(name)</text>\n"
        }
        for row in teams.indices {
            for column in teams.indices where row != column {
                let p = significance.adjusted[row][column]
                let fill = p.map { $0 < significance.alpha ? PlotStyle.significant : PlotStyle.notSignificant } ?? PlotStyle.background
                let label = p.map { String(format: "p = %.3g", $0) } ?? "no test"
                svg += "<rect x=\"\(left + cell * Double(column) + 1)\" y=\"\(top + cell * Double(row) + 1)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"\(fill)\" stroke=\"\(PlotStyle.axis)\"><title>\(escape(teams[row])) better than \(escape(teams[column])): \(label)</title></rect>\n"
            }
        }
        for (index, (colour, text)) in legend.enumerated() {
            let y = legendTop + 26 * Double(index)
            svg += "<rect x=\"12\" y=\"\(y)\" width=\"18\" height=\"18\" fill=\"\(colour)\" stroke=\"\(PlotStyle.axis)\"/>"
            svg += "<text x=\"38\" y=\"\(y + 14)\">\(escape(text))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
