import Challenge
import Foundation

/// The teams' primary scores on the ranking split as dots on one score axis (with their bootstrap score interval when
/// there is one), and the human readers' range as a shaded band across it. Drawn only for a phase with a human band.
enum ScoreAxisPlot {
    static func fileName(_ board: PhaseBoard) -> String { "\(board.phase.slug)-scores.svg" }

    /// The `<figure>` that shows the plot, or nothing when the phase has no human band with a range.
    static func figure(_ board: PhaseBoard, primary: ResultColumn) -> String {
        guard let band = board.humanBand, let range = band.range else { return "" }
        let caption = "\(primary.title) of each ranked team on the \(board.rankingSplit.rawValue) split; shaded: the range of the \(band.readers.count) human readers of \(band.study) (\(BoardFormatting.display(range.lower)) to \(BoardFormatting.display(range.upper))), each scored against the majority of the other readers"
        return "<figure><img src=\"\(escape(fileName(board)))\" alt=\"\(escape(caption)).\"><figcaption>\(escape(caption)).</figcaption></figure>\n"
    }

    static func svg(_ board: PhaseBoard) -> String? {
        guard let band = board.humanBand, let range = band.range, let primary = board.columns.first else { return nil }
        let teams = board.rows.compactMap { row -> (String, Double)? in
            guard row.rank != nil, let value = row.value(primary, board.rankingSplit) else { return nil }
            return (row.team, value)
        }
        let values = teams.map(\.1) + [range.lower, range.upper]
        let scale = Scale(values)
        let longest = teams.map { PlotStyle.textWidth(PlotStyle.label($0.0)) }.max() ?? 0
        let (left, top, row, width) = (max(110, longest + 16), 24.0, 28.0, 320.0)
        let bottom = top + row * Double(max(teams.count, 1))
        var svg = PlotStyle.opening(width: left + width + 24, height: bottom + 48, title: "Scores and human readers: \(board.phase.title)",
            description: "Each ranked team's \(primary.title) as a dot on one axis; a shaded band marks the range of the human readers' scores.")
        let (x0, x1) = (left + scale.position(range.lower) * width, left + scale.position(range.upper) * width)
        svg += "<rect class=\"human-band\" x=\"\(x0)\" y=\"\(top)\" width=\"\(max(2, x1 - x0))\" height=\"\(bottom - top)\" fill=\"\(PlotStyle.humanBand)\" stroke=\"\(PlotStyle.axis)\" stroke-dasharray=\"4 3\"><title>human readers: \(BoardFormatting.display(range.lower)) to \(BoardFormatting.display(range.upper))</title></rect>\n"
        svg += "<text x=\"\((x0 + x1) / 2)\" y=\"\(top - 8)\" text-anchor=\"middle\" font-size=\"\(Int(PlotStyle.tickFontSize))\">human readers</text>\n"
        for (index, team) in teams.enumerated() {
            let y = top + row * (Double(index) + 0.5)
            let x = left + scale.position(team.1) * width
            svg += "<text x=\"\(left - 10)\" y=\"\(y + 5)\" text-anchor=\"end\"><title>\(escape(team.0))</title>\(escape(PlotStyle.label(team.0)))</text>\n"
            svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"5\" fill=\"\(PlotStyle.blob)\"><title>\(escape(team.0)): \(BoardFormatting.display(team.1))</title></circle>\n"
        }
        svg += "<line x1=\"\(left)\" x2=\"\(left + width)\" y1=\"\(bottom)\" y2=\"\(bottom)\" stroke=\"\(PlotStyle.axis)\"/>\n"
        for tick in scale.ticks {
            let x = left + scale.position(tick) * width
            svg += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(bottom)\" y2=\"\(bottom + 5)\" stroke=\"\(PlotStyle.axis)\"/>"
            svg += "<text x=\"\(x)\" y=\"\(bottom + 20)\" text-anchor=\"middle\" font-size=\"\(Int(PlotStyle.tickFontSize))\">\(PlotStyle.number(tick))</text>\n"
        }
        svg += "<text x=\"\(left + width / 2)\" y=\"\(bottom + 40)\" text-anchor=\"middle\">\(escape(primary.title)) (\(board.rankingSplit.rawValue))</text>\n"
        return svg + "</svg>\n"
    }

    /// A linear axis over the values, padded by a twentieth of their span.
    struct Scale {
        let lower: Double
        let upper: Double

        init(_ values: [Double]) {
            let (low, high) = (values.min() ?? 0, values.max() ?? 1)
            let pad = high > low ? (high - low) / 20 : 0.05
            lower = low - pad
            upper = high + pad
        }

        func position(_ value: Double) -> Double { (value - lower) / (upper - lower) }

        /// Round values (steps of 1, 2 or 5 times a power of ten), about five of them, inside the axis.
        var ticks: [Double] {
            let rough = (upper - lower) / 5
            let power = pow(10, (log10(rough)).rounded(.down))
            let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? rough
            let first = (lower / step).rounded(.up)
            return stride(from: first, through: (upper / step).rounded(.down), by: 1).map { $0 * step }
        }
    }
}
