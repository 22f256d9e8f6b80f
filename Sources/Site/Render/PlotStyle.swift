import Foundation

/// The colours and type of the site's SVG plots, in one place so that `Tests/SiteTests` checks them against WCAG AA
/// as it checks `Leaderboard/style.css`: text at least 4.5:1 against the background, lines and marks at least 3:1.
/// Sizes are chosen for the plot shrunk to a phone's width (about 360 px): a 14 px label drawn in a 480 px plot is
/// still about 10.5 px there.
enum PlotStyle {
    static let background = "#ffffff"
    static let text = "#1d232a"
    /// Axes, tick marks and the outline of significance cells.
    static let axis = "#5b6673"
    /// Grid lines only help the eye; the tick labels carry the values.
    static let grid = "#e3e7eb"
    /// Each team's line has its own colour and dash pattern, so that colour alone never tells two teams apart.
    /// The colours start from Okabe–Ito's, darkened where they were too light on white.
    static let lines: [(colour: String, dash: String)] = [
        ("#0072b2", ""), ("#d55e00", "8 4"), ("#007a5a", "2 3"), ("#1d232a", "10 3 2 3"),
        ("#a8457f", "5 2"), ("#6b4c9a", "1 3"), ("#8c564b", "12 4"), ("#5b6673", "4 2 1 2"),
    ]
    static let blob = "#2f6aa6"
    /// The median-rank bar is drawn over the blobs, so it must stand out against them and the background alike.
    static let median = "#000000"
    /// The human readers' range behind the teams' dots: a light fill, so the dots keep their contrast over it; its dashed
    /// outline (in `axis`) is what sets it apart from the background.
    static let humanBand = "#d9e8d3"
    static let significant = "#1f4e79"
    static let notSignificant = "#dce6f0"

    static let fontFamily = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"
    static let fontSize = 14.0
    static let tickFontSize = 13.0

    static func line(_ index: Int) -> (colour: String, dash: String) { lines[index % lines.count] }

    /// The opening of a plot: its size, an accessible name and description, the type every text inherits,
    /// and an opaque background, so the contrast checked here holds wherever the image is shown.
    static func opening(width: Double, height: Double, title: String, description: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width.rounded(.up)))" height="\(Int(height.rounded(.up)))" \
        viewBox="0 0 \(Int(width.rounded(.up))) \(Int(height.rounded(.up)))" role="img" aria-labelledby="title desc" \
        font-family="\(fontFamily)" font-size="\(Int(fontSize))" fill="\(text)">
        <title id="title">\(escape(title))</title>
        <desc id="desc">\(escape(description))</desc>
        <rect width="100%" height="100%" fill="\(background)"/>

        """
    }

    /// A rough width of a label, enough to leave room for it (SVG cannot measure text without a script).
    static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        Double(text.count) * size * 0.6
    }

    /// A team name short enough for a plot's margin; the full name stays in the element's tooltip.
    static func label(_ name: String, limit: Int = 24) -> String {
        name.count <= limit ? name : String(name.prefix(limit - 1)) + "…"
    }

    static func number(_ value: Double) -> String {
        String(format: "%.3g", value)
    }
}
