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

    @Test func brokenStudyFailsWithFileLineColumnAndKeyPath() async throws {
        let folder = try ScratchFolder()
        _ = try folder.write(Array(try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml").utf8), to: "challenge.yaml")
        var lines = try RepositoryFiles.text("Challenges/tissuenet-demo/study.yaml").components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("reads-per-item:") })
        lines[index] = "reads-per-item: 5"
        _ = try folder.write(Array(lines.joined(separator: "\n").utf8), to: "study.yaml")

        let run = try await ArbiterBinary.run(["challenge", "check", folder.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("study.yaml, line \(index + 1), column 17, reads-per-item: reads-per-item 5 is more than the 3 readers"),
                "\(run.stderr)")
    }

    @Test func studyInStudyYAMLAndInChallengeYAMLIsRefused() async throws {
        let folder = try ScratchFolder()
        let challenge = try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml")
        let study = try RepositoryFiles.text("Challenges/tissuenet-demo/study.yaml")
        let section = "study:\n" + study.components(separatedBy: "\n").map { "  " + $0 }.joined(separator: "\n")
        _ = try folder.write(Array((challenge + section).utf8), to: "challenge.yaml")
        _ = try folder.write(Array(study.utf8), to: "study.yaml")
        let line = challenge.components(separatedBy: "\n").count

        let run = try await ArbiterBinary.run(["challenge", "check", folder.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("challenge.yaml, line \(line), column 1, study: the study is also described in"), "\(run.stderr)")
        #expect(run.stdout.isEmpty, "nothing is reported as checked")
    }

    @Test func humanBandNamingAnotherStudyFailsWithItsLine() async throws {
        let folder = try ScratchFolder()
        var lines = try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml").components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("human-band: tissuenet-demo-grading") })
        lines[index] = lines[index].replacingOccurrences(of: "tissuenet-demo-grading", with: "other-study")
        _ = try folder.write(Array(lines.joined(separator: "\n").utf8), to: "challenge.yaml")
        _ = try folder.write(Array(try RepositoryFiles.text("Challenges/tissuenet-demo/study.yaml").utf8), to: "study.yaml")

        let run = try await ArbiterBinary.run(["challenge", "check", folder.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("challenge.yaml, line \(index + 1), column 17, phases[1].human-band: no study \"other-study\" in this folder"),
                "\(run.stderr)")
    }

    @Test func shippedDemoWithItsStudyPassesTheCheck() async throws {
        let run = try await ArbiterBinary.run(["challenge", "check", RepositoryFiles.url("Challenges/tissuenet-demo").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("study tissuenet-demo-grading: 12 slides, 3 readers, 2 reads per item, blinded"), "\(run.stdout)")
    }

    @Test func aDataFileMissingFromTheFolderIsNamedAndNothingIsRegistered() async throws {
        let folder = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.file("spec"), withIntermediateDirectories: true)
        _ = try folder.write(Array(try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml").utf8), to: "spec/challenge.yaml")
        let refused = try await ArbiterBinary.run(["challenge", "add", folder.file("spec"), "--data-dir", "data"], in: folder.path)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("data/submission-template.csv, data entry \"submission-template.csv\" of challenge.yaml, is not a readable file"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("data/arbiter.sqlite")))
    }

    @Test func addingAChallengeStoresItsREADMEAndRefusesOneOverItsBudget() async throws {
        let folder = try ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.file("spec"), withIntermediateDirectories: true)
        _ = try folder.write(Array(try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml").utf8), to: "spec/challenge.yaml")
        try folder.copyDataFiles(of: "Challenges/tissuenet-demo", to: "spec")
        _ = try folder.write([UInt8](repeating: UInt8(ascii: "#"), count: (1 << 20) + 1), to: "spec/README.md")
        let refused = try await ArbiterBinary.run(["challenge", "add", folder.file("spec"), "--data-dir", "data"], in: folder.path)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("README.md has more than 1048576 bytes; a page may have at most that"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("data/arbiter.sqlite")), "nothing is registered before the README is checked")
        _ = try folder.write(Array("# Welcome\n".utf8), to: "spec/README.md")
        let added = try await ArbiterBinary.run(["challenge", "add", folder.file("spec"), "--data-dir", "data"], in: folder.path)
        #expect(added.status == 0, "\(added.stderr)")
    }
}
