import Foundation
import TestSupport
import Testing

/// `arbiter demo` outside the repository, where `Challenges/`, `Fixtures/` and `Leaderboard/` come from the binary.
@Suite struct DemoCommandTests {
    @Test func demoRunsFromAnEmptyFolder() async throws {
        let folder = try ScratchFolder()
        let run = try await ArbiterBinary.run(["demo"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.file("arbiter-demo/leaderboard/leaderboard.json")))
        #expect(FileManager.default.fileExists(atPath: folder.file("arbiter-demo/leaderboard/style.css")))
    }

    @Test func demoReadsItsStudyAndWritesTheConsensusAsTruth() async throws {
        let folder = try ScratchFolder()
        let run = try await ArbiterBinary.run(["demo", "--data-dir", "data"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("study tissuenet-demo-grading: 3 readers read 27 assignments through the API (0 pictures"), "\(run.stdout)")
        #expect(run.stdout.contains("study pictures: none (no Fixtures/slides here"), "\(run.stdout)")
        #expect(run.stdout.contains("study agreement: Fleiss' kappa "), "\(run.stdout)")
        let consensus = try String(contentsOfFile: folder.file("data/consensus.csv"), encoding: .utf8)
        #expect(consensus.hasPrefix("case_id,label,split\nB0001_S3,0,public\n"), "\(consensus)")
        // The final phase shows the study's readers as a band, anonymised, never among the ranked rows.
        let board = try String(contentsOfFile: folder.file("data/leaderboard/leaderboard.json"), encoding: .utf8)
        #expect(board.contains("\"humanReaders\""), "\(board)")
        #expect(board.contains("\"Reader 1\""))
        #expect(!board.contains("pathologist-"))
        #expect(FileManager.default.fileExists(atPath: folder.file("data/leaderboard/final-scores.svg")))
        // The report adds the study's agreement, self-consistency and human level, readers anonymised.
        let report = try await ArbiterBinary.run(["report", "tissuenet-demo", "--out", "report.html", "--data-dir", "data"], in: folder.path)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: folder.file("report.html"), encoding: .utf8)
        #expect(html.contains("9. Reader studies and agreement"))
        #expect(html.contains("Fleiss&#39; kappa: "))
        #expect(html.contains("Human level in phase <b>Final phase</b> (public split)"))
        #expect(!html.contains("pathologist-"))
        // The demo's own store already scored its submissions against the full truth, so the consensus goes to a fresh one.
        let challenge = RepositoryFiles.url("Challenges/tissuenet-demo").path
        #expect(try await ArbiterBinary.run(["challenge", "add", challenge, "--data-dir", "fresh"], in: folder.path).status == 0)
        let imported = try await ArbiterBinary.run(["truth", "import", "tissuenet-demo", "data/consensus.csv", "--data-dir", "fresh"], in: folder.path)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    /// From the repository, where the fixture slides are: every assignment's picture is fetched, the adjudicator
    /// settles the ties over the API, and the teams are scored against the truth with the consensus in it.
    @Test func demoReadersFetchPicturesAndTheTeamsAreScoredAgainstTheConsensus() async throws {
        let folder = try ScratchFolder()
        let run = try await ArbiterBinary.run(["demo", "--data-dir", folder.file("data")], in: RepositoryFiles.root.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("through the API (27 pictures,"), "\(run.stdout)")
        #expect(run.stdout.contains("study consensus: 12 labelled, 0 disputed, 0 pending"), "\(run.stdout)")
        #expect(run.stdout.contains("imported the truth with the readers' consensus"), "\(run.stdout)")
        let consensus = try String(contentsOfFile: folder.file("data/consensus.csv"), encoding: .utf8)
        let truth = try String(contentsOfFile: folder.file("data/truth-with-consensus.csv"), encoding: .utf8)
        for row in consensus.split(separator: "\n").dropFirst() {
            #expect(truth.contains("\n" + row + "\n"), "\(row) is in the truth the teams are scored against")
        }
        #expect(FileManager.default.fileExists(atPath: folder.file("data/consensus.csv.provenance.json")))
    }

    @Test(arguments: ["tissuenet-demo", "camelyon-demo", "picai-demo"])
    func eachDemoRunsByItsRepositoryPathsFromAnEmptyFolder(_ name: String) async throws {
        let folder = try ScratchFolder()
        let run = try await ArbiterBinary.run(
            ["demo", "--data-dir", "data", "--challenge", "Challenges/\(name)", "--fixtures", "Fixtures/\(name)"], in: folder.path
        )
        #expect(run.status == 0, "\(run.stderr)")
        let board = try String(contentsOfFile: folder.file("data/leaderboard/leaderboard.json"), encoding: .utf8)
        #expect(board.contains("\"\(name)\""))
    }

    @Test func existingRelativeFolderWinsOverTheBuiltInCopy() async throws {
        let folder = try ScratchFolder()
        let spec = try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml")
        try FileManager.default.createDirectory(
            atPath: folder.file("Challenges/tissuenet-demo"), withIntermediateDirectories: true)
        _ = try folder.write(
            Array(spec.replacingOccurrences(of: "slug: tissuenet-demo", with: "slug: local-copy").utf8),
            to: "Challenges/tissuenet-demo/challenge.yaml")
        try folder.copyDataFiles(of: "Challenges/tissuenet-demo", to: "Challenges/tissuenet-demo")

        let run = try await ArbiterBinary.run(["demo"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("registered challenge local-copy"))
    }

    @Test func missingChallengeFolderOutsideTheBuiltInsStillFails() async throws {
        let run = try await ArbiterBinary.run(["demo", "--challenge", "nowhere"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("nowhere/challenge.yaml"))
    }
}
