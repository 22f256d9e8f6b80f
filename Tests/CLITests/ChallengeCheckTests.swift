import Foundation
import TestSupport
import Testing

@Suite struct ChallengeCheckTests {
    @Test func brokenChallengeFailsWithFileAndLine() async throws {
        let folder = try ScratchFolder()
        var lines = try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml").components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("kind: slide-classification") })
        lines[index] = lines[index].replacingOccurrences(of: "slide-classification", with: "banana")
        _ = try folder.write(Array(lines.joined(separator: "\n").utf8), to: "challenge.yaml")

        let run = try await ArbiterBinary.run(["challenge", "check", folder.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("challenge.yaml, line \(index + 1),"), "\(run.stderr)")
        #expect(run.stderr.contains("\"banana\""))
    }
}
