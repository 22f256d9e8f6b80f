import Foundation
import PlatformSupport
import TestSupport
@testable import Site
import Testing

@Suite("Contrast meets WCAG AA")
struct ContrastTests {
    @Test func ratiosMatchWCAGsWorkedValues() throws {
        #expect(WCAGContrast.ratio("#000000", "#ffffff") == 21)
        #expect(WCAGContrast.ratio("#fff", "#ffffff") == 1)
        // #777 on white is the classic near miss: 4.48:1, just under AA for text.
        let grey = try #require(WCAGContrast.ratio("#777777", "#ffffff"))
        #expect(abs(grey - 4.48) < 0.01)
        #expect(WCAGContrast.ratio("#12345", "#ffffff") == nil)
    }

    @Test func reportsAPairBelowItsRatioAnUncheckedColourAndAColourOutsideRoot() {
        let css = """
            /* contrast: --grey on --page 4.5
               contrast: --grey on --missing 3 */
            :root { --page: #ffffff; --grey: #777777; --stray: #123456; }
            p { color: var(--grey); border-color: #cccccc; }
            """
        let problems = StyleSheetContrast(css: css).problems
        #expect(problems.count == 4, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("--grey (#777777) on --page (#ffffff): 4.48:1") })
        #expect(problems.contains { $0.hasPrefix("--grey on --missing") })
        #expect(problems.contains { $0.hasPrefix("--stray is in no contrast pair") })
        #expect(problems.contains { $0.hasPrefix("colour #cccccc is written outside :root") })
    }

    @Test func leaderboardStyleSheetMeetsAA() throws {
        let css = try String(contentsOf: Platform.root.appendingPathComponent("Leaderboard/style.css"), encoding: .utf8)
        let sheet = StyleSheetContrast(css: css)
        #expect(sheet.pairs.count >= 5)
        #expect(sheet.problems == [])
    }

    @Test func plotColoursMeetAA() {
        let background = PlotStyle.background
        var problems: [String] = []
        func check(_ foreground: String, on background: String, _ least: Double, _ what: String) {
            let ratio = WCAGContrast.ratio(foreground, background) ?? 0
            if ratio < least { problems.append("\(what): \(foreground) on \(background) is \(String(format: "%.2f", ratio)):1, needs \(least):1") }
        }
        check(PlotStyle.text, on: background, WCAGContrast.text, "labels")
        check(PlotStyle.axis, on: background, WCAGContrast.graphics, "axes")
        for (index, line) in PlotStyle.lines.enumerated() { check(line.colour, on: background, WCAGContrast.graphics, "line \(index + 1)") }
        check(PlotStyle.blob, on: background, WCAGContrast.graphics, "blobs")
        check(PlotStyle.median, on: background, WCAGContrast.graphics, "median bar")
        check(PlotStyle.median, on: PlotStyle.blob, WCAGContrast.graphics, "median bar over a blob")
        check(PlotStyle.significant, on: background, WCAGContrast.graphics, "significant cell")
        check(PlotStyle.significant, on: PlotStyle.notSignificant, WCAGContrast.graphics, "significant beside not significant")
        check(PlotStyle.axis, on: PlotStyle.notSignificant, WCAGContrast.graphics, "outline of a not-significant cell")
        check(PlotStyle.blob, on: PlotStyle.humanBand, WCAGContrast.graphics, "team dot over the human band")
        check(PlotStyle.axis, on: PlotStyle.humanBand, WCAGContrast.graphics, "outline of the human band")
        #expect(problems == [])
        #expect(Set(PlotStyle.lines.map(\.dash)).count == PlotStyle.lines.count, "each line needs its own dash pattern")
    }

    @Test func plotsDrawOnlyColoursChecked() async throws {
        let built = try await LeaderboardTests().build()
        let checked = Set([PlotStyle.background, PlotStyle.text, PlotStyle.axis, PlotStyle.grid, PlotStyle.blob,
                           PlotStyle.median, PlotStyle.significant, PlotStyle.notSignificant, PlotStyle.humanBand] + PlotStyle.lines.map(\.colour))
        let plots = built.files.filter { $0.key.hasSuffix(".svg") }
        #expect(plots.count >= 3)
        for (name, svg) in plots {
            let used = Set(svg.matches(of: /#[0-9a-fA-F]{3,6}\b/).map { String($0.0).lowercased() })
            #expect(used.isSubset(of: checked), "\(name) draws \(used.subtracting(checked).sorted())")
        }
    }
}
