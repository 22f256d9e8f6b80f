import Foundation
import Testing
import TestSupport

/// The portal's style sheet meets WCAG AA for every pair of colours it declares it draws, and writes no colour that
/// escapes the check.
@Suite struct PortalStyleTests {
    @Test func everyDeclaredColourPairMeetsWCAGAA() throws {
        let css = try String(contentsOf: RepositoryFiles.url("Sources/Server/Web/Assets/web.css"), encoding: .utf8)
        let sheet = StyleSheetContrast(css: css)
        #expect(sheet.pairs.count >= 20)
        #expect(sheet.problems == [])
    }
}
