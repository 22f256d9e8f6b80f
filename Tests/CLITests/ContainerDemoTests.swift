import Foundation
import TestSupport
import Testing

/// The container demos end to end through `arbiter demo`: images built from busybox models, run with Podman on the
/// hidden inputs, their outputs judged and the leaderboard written.
@Suite(.serialized, .enabled(if: PodmanPresence.present, "podman is not installed; set ARBITER_TEST_REQUIRE_PODMAN=1 to fail instead"))
struct ContainerDemoTests {
    func demo(_ name: String, in folder: ScratchFolder) async throws -> ArbiterRun {
        try await ArbiterBinary.run([
            "demo", "--data-dir", "data", "--challenge", "Challenges/\(name)", "--fixtures", "Fixtures/\(name)",
            "--engine-config", RepositoryFiles.url("deploy/podman/runner.yaml").path,
        ], in: folder.path)
    }

    /// The public score of each team on the leaderboard the demo wrote.
    func publicScores(_ folder: ScratchFolder, metric: String) throws -> [String: Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.file("data/leaderboard/leaderboard.json")))
        let board = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let phase = try #require((board["phases"] as? [[String: Any]])?.first)
        var scores: [String: Double] = [:]
        for row in phase["rows"] as? [[String: Any]] ?? [] {
            if let team = row["team"] as? String, let value = (row["values"] as? [String: Any])?["\(metric)@public"] as? Double {
                scores[team] = value
            }
        }
        return scores
    }

    @Test func tissuenetShapedWholeSetDemoRunsEveryTeamsCode() async throws {
        let folder = try ScratchFolder()
        let run = try await demo("tissuenet-container-demo", in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("imported 400 hidden input files"))
        #expect(run.stdout.contains(": succeeded in"))
        #expect(run.stdout.contains("exit-code in"))
        #expect(run.stdout.contains("the container exited with status 3"))
        let scores = try publicScores(folder, metric: "accuracy")
        #expect(Set(scores.keys) == ["threshold", "benign"])
        #expect((scores["threshold"] ?? 0) > (scores["benign"] ?? 1))
    }

    @Test func picaiShapedPerCaseDemoScoresLikeTheSameMapsUploaded() async throws {
        let containers = try ScratchFolder()
        let run = try await demo("picai-container-demo", in: containers)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("invalid-output"))
        let uploads = try ScratchFolder()
        let uploaded = try await ArbiterBinary.run(
            ["demo", "--data-dir", "data", "--challenge", "Challenges/picai-demo", "--fixtures", "Fixtures/picai-demo"], in: uploads.path)
        #expect(uploaded.status == 0, "\(uploaded.stderr)")
        let fromContainers = try publicScores(containers, metric: "picai-score")
        let fromUploads = try publicScores(uploads, metric: "picai-score")
        // hbv-reader's maps are the reference team's, adc-reader's the shifted team's: the same bytes, the same scores.
        #expect(fromContainers["hbv-reader"] == fromUploads["reference"])
        #expect(fromContainers["adc-reader"] == fromUploads["shifted"])
        #expect(fromContainers["no-map"] == nil)
    }
}

/// Whether podman can run here (CI requires it with `ARBITER_TEST_REQUIRE_PODMAN=1`, so a missing podman fails there).
enum PodmanPresence {
    static let present = ProcessInfo.processInfo.environment["ARBITER_TEST_REQUIRE_PODMAN"] == "1"
        || FileManager.default.isExecutableFile(atPath: "/usr/bin/podman")
}
