import Foundation
import TestSupport
import Testing

@Suite struct LeaderboardBuildTests {
    @Test func leaderboardBuildUsesTheBuiltInTemplateOutsideTheRepository() async throws {
        let folder = try ScratchFolder()
        let demo = try await ArbiterBinary.run(["demo", "--data-dir", "data"], in: folder.path)
        try #require(demo.status == 0, "\(demo.stderr)")

        let run = try await ArbiterBinary.run(
            ["leaderboard", "build", "tissuenet-demo", "--out", "site", "--data-dir", "data"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["index.html", "style.css", "leaderboard.json", "final.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.file("site/\(file)")), "missing site/\(file)")
        }
    }
}
