import Challenge
import Foundation

/// The curves lesion tasks produce (FROC, lesion sensitivity against false positives), one line per team's
/// entry on the ranking split. SVG with a title, a description and a legend.
enum CurvePlot {
    struct Curve: Codable {
        let name: String
        let xLabel: String
        let yLabel: String
        let x: [Double]
        let y: [Double]
    }

    private struct Summary: Decodable { let curves: [Curve] }

    static func fileName(_ board: PhaseBoard, _ number: Int) -> String { "\(board.phase.slug)-curve-\(number + 1).svg" }

    /// Curves by team from stored summary JSON; teams whose summary has none are left out.
    static func curves(_ summaries: [String: String]) -> [String: [Curve]] {
        summaries.compactMapValues { json in
            guard let curves = (try? JSONDecoder().decode(Summary.self, from: Data(json.utf8)))?.curves, !curves.isEmpty else { return nil }
            return curves
        }
    }

    /// How many kinds of curve the board has (FROC and case ROC; one ROC per class…).
    static func count(_ board: PhaseBoard) -> Int { board.curves.values.map(\.count).max() ?? 0 }

    static func figures(_ board: PhaseBoard) -> String {
        (0..<count(board)).compactMap { number -> String? in
            guard let first = board.curves.values.compactMap({ number < $0.count ? $0[number] : nil }).first else { return nil }
            let caption = "\(first.name): \(first.yLabel) against \(first.xLabel.lowercased()) of each team's entry on the \(board.rankingSplit.rawValue) cases"
            return "<figure><img src=\"\(escape(fileName(board, number)))\" alt=\"\(escape(caption)).\"><figcaption>\(escape(caption)).</figcaption></figure>\n"
        }.joined()
    }

    static func svgs(_ board: PhaseBoard) -> [(String, String)] {
        (0..<count(board)).compactMap { number in svg(board, number).map { (fileName(board, number), $0) } }
    }

    /// Where the plot area lies in the image and how values map onto it: y from 0 to 1, x from 0 to `maxX`.
    private struct Frame {
        let maxX: Double
        let width = 480.0, left = 64.0, right = 20.0, top = 16.0, bottom = 244.0
        /// The plot and its axis labels; the legend starts below.
        let height = 300.0
        func x(_ value: Double) -> Double { left + min(value, maxX) / maxX * (width - left - right) }
        func y(_ value: Double) -> Double { bottom - max(0, min(value, 1)) * (bottom - top) }
    }

    static func svg(_ board: PhaseBoard, _ number: Int) -> String? {
        let lines = board.curves.mapValues { number < $0.count ? $0[number] : nil }.compactMapValues { $0 }
        let teams = board.rows.map(\.team).filter { lines[$0] != nil }
        guard let first = teams.first.flatMap({ lines[$0] }) else { return nil }
        let frame = Frame(maxX: max(teams.flatMap { lines[$0]!.x.filter(\.isFinite) }.max() ?? 1, 1e-9))
        // The legend sits under the plot rather than beside it, so the plot keeps its width on a phone.
        let legendRow = 22.0
        var svg = PlotStyle.opening(width: frame.width, height: frame.height + legendRow * Double(teams.count) + 8,
            title: "\(first.name): \(board.phase.title)",
            description: "\(first.yLabel) (0 to 1) against \(first.xLabel.lowercased()) (0 to \(String(format: "%g", frame.maxX))), one line per team.")
        svg += axes(frame)
        svg += "<text x=\"\((frame.left + frame.width - frame.right) / 2)\" y=\"\(frame.bottom + 42)\" text-anchor=\"middle\">\(escape(first.xLabel))</text>\n"
        svg += "<text transform=\"translate(16,\((frame.top + frame.bottom) / 2)) rotate(-90)\" text-anchor=\"middle\">\(escape(first.yLabel))</text>\n"
        for (index, team) in teams.enumerated() {
            let curve = lines[team]!
            let points = zip(curve.x, curve.y).filter { $0.0.isFinite && $0.1.isFinite }.sorted { $0.0 < $1.0 }
            let style = PlotStyle.line(index)
            let dash = style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\""
            svg += "<polyline fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"2.5\"\(dash) points=\"" + points.map { "\(frame.x($0.0)),\(frame.y($0.1))" }.joined(separator: " ") + "\"><title>\(escape(team))</title></polyline>\n"
            let rowY = frame.height + legendRow * Double(index) + 4
            svg += "<line x1=\"\(frame.left)\" x2=\"\(frame.left + 32)\" y1=\"\(rowY - 5)\" y2=\"\(rowY - 5)\" stroke=\"\(style.colour)\" stroke-width=\"2.5\"\(dash)/>"
            svg += "<text x=\"\(frame.left + 40)\" y=\"\(rowY)\"><title>\(escape(team))</title>\(escape(PlotStyle.label(team, limit: 40)))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Both axes with ticks at quarters and light grid lines.
    private static func axes(_ frame: Frame) -> String {
        let tickSize = Int(PlotStyle.tickFontSize)
        var svg = ""
        for step in 0...4 {
            let fraction = Double(step) / 4
            let (gridY, tickX) = (frame.y(fraction), frame.x(fraction * frame.maxX))
            svg += "<line x1=\"\(frame.left)\" x2=\"\(frame.width - frame.right)\" y1=\"\(gridY)\" y2=\"\(gridY)\" stroke=\"\(PlotStyle.grid)\"/>"
            svg += "<text x=\"\(frame.left - 8)\" y=\"\(gridY + 4)\" text-anchor=\"end\" font-size=\"\(tickSize)\">\(PlotStyle.number(fraction))</text>\n"
            let anchor = step == 0 ? "start" : step == 4 ? "end" : "middle"
            svg += "<line x1=\"\(tickX)\" x2=\"\(tickX)\" y1=\"\(frame.bottom)\" y2=\"\(frame.bottom + 5)\" stroke=\"\(PlotStyle.axis)\"/>"
            svg += "<text x=\"\(tickX)\" y=\"\(frame.bottom + 20)\" text-anchor=\"\(anchor)\" font-size=\"\(tickSize)\">\(PlotStyle.number(fraction * frame.maxX))</text>\n"
        }
        svg += "<line x1=\"\(frame.left)\" y1=\"\(frame.bottom)\" x2=\"\(frame.width - frame.right)\" y2=\"\(frame.bottom)\" stroke=\"\(PlotStyle.axis)\"/>\n"
        svg += "<line x1=\"\(frame.left)\" y1=\"\(frame.top)\" x2=\"\(frame.left)\" y2=\"\(frame.bottom)\" stroke=\"\(PlotStyle.axis)\"/>\n"
        return svg
    }
}
