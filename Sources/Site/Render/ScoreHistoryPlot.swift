import Challenge
import Foundation
import Scoring
import Store

/// A team's primary score on the public split, one point per scored submission over time: the plot on its page.
struct ScoreHistoryPlot {
    let challenge: ChallengeSpec

    func svg(_ history: [PhaseBoard.HistoryPoint], board: PhaseBoard, team: String) -> String? {
        let key = challenge.primaryColumn.key
        let points = history.compactMap { point in (point.values[board.phase.publicSplit]?[key] ?? nil).map { (point.submittedAt, $0) } }
        guard let start = points.first?.0, let end = points.last?.0 else { return nil }
        let (width, height, left, right, top, bottom) = (480.0, 240.0, 72.0, 16.0, 16.0, 200.0)
        let times = points.map { $0.0.timeIntervalSince1970 }
        let values = points.map(\.1)
        let (t0, t1) = (times.min()!, max(times.max()!, times.min()! + 1))
        let (v0, v1) = (values.min()!, max(values.max()!, values.min()! + 1e-9))
        // One time or one value has no range to spread over: such points sit in the middle, not on an axis.
        let (oneTime, oneValue) = (times.max()! == times.min()!, values.max()! == values.min()!)
        func x(_ t: Double) -> Double { oneTime ? (left + width - right) / 2 : left + (t - t0) / (t1 - t0) * (width - left - right) }
        func y(_ v: Double) -> Double { oneValue ? (top + bottom) / 2 : bottom - (v - v0) / (v1 - v0) * (bottom - top) }
        let tickSize = Int(PlotStyle.tickFontSize)
        var svg = PlotStyle.opening(width: width, height: height, title: "\(team): score history",
            description: "\(challenge.primaryColumn.title) on the public split of each of \(points.count) scored submissions, from \(UTCInstant.format(start)) to \(UTCInstant.format(end)).")
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - right)\" y2=\"\(bottom)\" stroke=\"\(PlotStyle.axis)\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" stroke=\"\(PlotStyle.axis)\"/>\n"
        if oneTime {
            svg += "<text x=\"\(x(t0))\" y=\"\(bottom + 22)\" text-anchor=\"middle\" font-size=\"\(tickSize)\">\(escape(UTCInstant.format(start)))</text>\n"
        } else {
            svg += "<text x=\"\(left)\" y=\"\(bottom + 22)\" font-size=\"\(tickSize)\">\(escape(UTCInstant.format(start)))</text>\n"
            svg += "<text x=\"\(width - right)\" y=\"\(bottom + 22)\" text-anchor=\"end\" font-size=\"\(tickSize)\">\(escape(UTCInstant.format(end)))</text>\n"
        }
        for value in oneValue ? [v0] : [v0, v1] {
            svg += "<text x=\"\(left - 8)\" y=\"\(y(value) + 4)\" text-anchor=\"end\" font-size=\"\(tickSize)\">\(BoardFormatting.display(value))</text>\n"
        }
        let colour = PlotStyle.line(0).colour
        svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"" + points.map { "\(x($0.0.timeIntervalSince1970)),\(y($0.1))" }.joined(separator: " ") + "\"/>\n"
        for point in points {
            svg += "<circle cx=\"\(x(point.0.timeIntervalSince1970))\" cy=\"\(y(point.1))\" r=\"4\" fill=\"\(colour)\"><title>\(UTCInstant.format(point.0)): \(BoardFormatting.display(point.1))</title></circle>\n"
        }
        return svg + "</svg>\n"
    }
}
