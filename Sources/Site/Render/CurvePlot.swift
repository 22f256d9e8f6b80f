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

    static func svg(_ board: PhaseBoard, _ number: Int) -> String? {
        let lines = board.curves.mapValues { number < $0.count ? $0[number] : nil }.compactMapValues { $0 }
        let teams = board.rows.map(\.team).filter { lines[$0] != nil }
        guard let first = teams.first.flatMap({ lines[$0] }) else { return nil }
        let (width, height, margin) = (560.0, 320.0, 50.0)
        let allX = teams.flatMap { lines[$0]!.x.filter(\.isFinite) }
        let maxX = max(allX.max() ?? 1, 1e-9)
        func x(_ value: Double) -> Double { margin + min(value, maxX) / maxX * (width - 2 * margin - 120) }
        func y(_ value: Double) -> Double { height - margin - max(0, min(value, 1)) * (height - 2 * margin) }
        let colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="title desc">
            <title id="title">\(escape(first.name)): \(escape(board.phase.title))</title>
            <desc id="desc">\(escape(first.yLabel)) (0 to 1) against \(escape(first.xLabel.lowercased())) (0 to \(String(format: "%g", maxX))), one line per team.</desc>
            <style>text{font:11px sans-serif}</style>
            <line x1="\(margin)" y1="\(height - margin)" x2="\(width - margin - 120)" y2="\(height - margin)" stroke="#888"/>
            <line x1="\(margin)" y1="\(margin)" x2="\(margin)" y2="\(height - margin)" stroke="#888"/>
            <text x="\(margin)" y="\(height - margin + 16)">0</text>
            <text x="\(width - margin - 120)" y="\(height - margin + 16)" text-anchor="end">\(String(format: "%g", maxX))</text>
            <text x="\((width - 120) / 2)" y="\(height - 10)" text-anchor="middle">\(escape(first.xLabel))</text>
            <text x="\(margin - 6)" y="\(margin + 4)" text-anchor="end">1</text>
            <text x="\(margin - 6)" y="\(height - margin)" text-anchor="end">0</text>

            """
        for (index, team) in teams.enumerated() {
            let curve = lines[team]!
            let points = zip(curve.x, curve.y).filter { $0.0.isFinite && $0.1.isFinite }.sorted { $0.0 < $1.0 }
            let colour = colours[index % colours.count]
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"" + points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ") + "\"><title>\(escape(team))</title></polyline>\n"
            svg += "<text x=\"\(width - margin - 110)\" y=\"\(margin + 14 * Double(index))\" fill=\"\(colour)\">\(escape(team))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
