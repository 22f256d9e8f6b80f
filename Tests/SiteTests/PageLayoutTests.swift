import Foundation
import Testing

/// What keeps the pages readable on a phone, checked in the HTML itself (the browser check measures the result).
@Suite("Leaderboard page layout")
struct PageLayoutTests {
    @Test func everyTableScrollsInAFocusableNamedBox() async throws {
        let built = try await LeaderboardTests().build()
        let pages = built.files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 4)
        for (name, html) in pages {
            let tables = html.matches(of: /<table[ >]/).count
            let boxes = html.matches(of: /<div class="table-box" role="region" aria-label="[^"]+" tabindex="0">\n<table[ >]/).count
            #expect(tables >= 1 && boxes == tables, "\(name): \(tables) tables, \(boxes) in a box")
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), "\(name) has no viewport")
        }
        #expect(try #require(built.files["index.html"]).contains("<table class=\"ranking\">"))
    }
}
