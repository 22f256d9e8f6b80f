import ChildProcesses
import Foundation
import Runner
import Store
import TestSupport
import Testing

/// A runner killed with SIGKILL while its container runs: the job's lease runs out, the next runner removes the orphaned
/// container, runs the job again once, and the judge scores it once.
@Suite(.serialized, .enabled(if: PodmanPresence.present, "podman is not installed; set ARBITER_TEST_REQUIRE_PODMAN=1 to fail instead"))
struct RunnerKillTests {
    static let slug = "tissuenet-container-demo"

    @Test func runnerKilledMidRunLeavesAJobThatRunsAgainOnceAndIsScoredOnce() async throws {
        let folder = try ScratchFolder()
        let data = ["--data-dir", folder.file("data")]
        let engine = ["--engine-config", RepositoryFiles.url("deploy/podman/runner.yaml").path]
        for step in [["challenge", "add", RepositoryFiles.url("Challenges/\(Self.slug)").path],
                     ["truth", "import", Self.slug, RepositoryFiles.url("Fixtures/\(Self.slug)/truth.csv").path],
                     ["inputs", "import", Self.slug, RepositoryFiles.url("Fixtures/\(Self.slug)/inputs").path]] {
            let run = try await ArbiterBinary.run(step + data)
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        let team = try await ArbiterBinary.run(["team", "add", Self.slug, "alpha"] + data)
        let token = try #require(team.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("arb_") }.map(String.init))
        // The demo's benign model, after a pause to be killed in. The container says it has started with a file in its
        // /output (gone before the model writes): `podman ps` did not see it running in CI, twice, on a loaded machine.
        let model = try String(contentsOfFile: RepositoryFiles.url("Fixtures/\(Self.slug)/containers/benign/model.sh").path, encoding: .utf8)
        try BusyboxImage(script: "echo started > /output/started\nsleep 15\nrm -f /output/started\n" + model,
                         reference: "localhost/arbiter-kill-test:1").write(to: folder.file("model.tar"))
        let submitted = try await ArbiterBinary.run(["submit", Self.slug, "--phase", "final", "--token", token, folder.file("model.tar")] + data)
        #expect(submitted.status == 0, "\(submitted.stderr)")

        let location = try StoreFactory.open(database: nil, dataDirectory: URL(fileURLWithPath: folder.file("data"))).location
        let label = "arbiter.job=" + ContainerRunner.containerLabel(jobID: 1, storeLocation: location)
        let scratch = folder.file("scratch")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let runner = try ArbiterBinary.start(["run", "--watch", "--lease", "3", "--poll", "0.2", "--scratch", scratch] + engine + data,
                                             in: folder.path)
        let seen = try await waitForStartedContainer(in: scratch)
        runner.signal(SIGKILL)
        let killed = await runner.result()
        try await Task.sleep(for: .seconds(3.5))  // past the lease
        if !seen { Issue.record("the killed runner's output: \(killed.outputText)") }
        let second = try await ArbiterBinary.run(["run", "--lease", "3"] + engine + data)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("ran 1 container jobs"))
        let judged = try await ArbiterBinary.run(["judge"] + data)
        #expect(judged.status == 0, "\(judged.stderr)")

        let store = try StoreFactory.open(database: nil, dataDirectory: URL(fileURLWithPath: folder.file("data")))
        #expect(try store.submission(1).status == .scored)
        #expect(try store.jobAndEvaluationCounts()[1]?.evaluations == 1)
        #expect(try store.containerRun(submissionID: 1)?.report?.verdict == .succeeded)
        let leftovers = try await ArbiterBinary.podmanOutput(["ps", "--all", "--quiet", "--filter", "label=\(label)"])
        #expect(leftovers.isEmpty)
    }

    /// Polls until the first attempt's container has written its `started` file into its run's output folder (the
    /// runner's workspace `arbiter-run-1-1-…` under `scratch`), for at most 180 s of a busy CI machine.
    func waitForStartedContainer(in scratch: String) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let workspaces = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
            if workspaces.contains(where: { $0.hasPrefix("arbiter-run-1-1-") && FileManager.default.fileExists(atPath: "\(scratch)/\($0)/output/started") }) {
                return true
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the container of the job's first attempt did not start within 180 s")
        return false
    }
}

extension ArbiterBinary {
    /// Podman's standard output for `arguments`, with the repository's engine settings' global options; asked again
    /// when podman trips over a container another test removed meanwhile (`PodmanEngine.isListingRace`).
    static func podmanOutput(_ arguments: [String]) async throws -> String {
        for _ in 1..<5 {
            let (status, output, message) = try await podman(arguments)
            if status == 0 { return output }
            guard status == 125, message.contains("no such container") else {
                Issue.record("podman \(arguments) exited with \(status): \(message)")
                return output
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("podman \(arguments) failed 4 times in a row on containers removed meanwhile")
        return ""
    }

    private static func podman(_ arguments: [String]) async throws -> (status: Int32, output: String, message: String) {
        let settings = try ContainerEngineSettings.load(path: RepositoryFiles.url("deploy/podman/runner.yaml").path)
        let result = try await ChildProcess(settings.podman, settings.globalOptions + arguments).result()
        return (result.status, result.outputText.trimmingCharacters(in: .whitespacesAndNewlines), result.errorText)
    }
}
