import Challenge
import Evaluation
import ChildProcesses
import Foundation
import Intake
import Judge
import PlatformSupport
import Store
import Testing
import TestSupport
@testable import Runner

/// Container submissions end to end: an image archive is accepted, the runner runs it on the phase's hidden inputs,
/// and its output is validated and scored like an uploaded prediction file.
@Suite("Container runs", .serialized, .enabled(if: PodmanTestHost.shouldRun, PodmanTestHost.skipReason))
struct ContainerRunnerTests {
    /// The small challenge's phase (cases A–D public, E–F private) running containers over every case at once.
    static let wholeSet = "{ layout: whole-set, inputs: { slide: value }, limits: { run-time: 1m, memory: 64MB, output-size: 1MB, image-size: 16MB } }"
    /// Truth labels of A…F, given to the containers as each slide's "grade" so that a model can read them.
    static let grades = [0, 1, 2, 0, 1, 2]

    /// The platform with each case's input imported as `{"grade": n}`.
    func platform(_ container: String = Self.wholeSet) throws -> Platform {
        let platform = try Platform(container: container)
        let folder = try ScratchFolder()
        for (caseID, grade) in zip(["A", "B", "C", "D", "E", "F"], Self.grades) {
            try FileManager.default.createDirectory(atPath: folder.file(caseID), withIntermediateDirectories: true)
            _ = try folder.write(Array("{\"grade\": \(grade)}\n".utf8), to: "\(caseID)/slide.json")
        }
        try CaseInputImport.run(folder.path, challenge: "small", store: platform.store, now: platform.at(0))
        return platform
    }

    /// Submits a busybox image running `script` for a new team; returns the submission.
    func submit(_ script: String, on platform: Platform, team: String = "alpha") throws -> StoredSubmission {
        let folder = try ScratchFolder()
        let archive = folder.file("model.tar")
        try BusyboxImage(script: script, reference: "localhost/arbiter-test-\(team):1").write(to: archive)
        let token = try platform.addTeam(team)
        return try #require(try platform.intake.submit(challenge: "small", phase: "final", token: token, fileName: "model.tar",
                                                      bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: archive))),
                                                      now: platform.at(60)))
    }

    func runner(_ platform: Platform, worker: String = "test-runner", lease: Double = 30) throws -> ContainerRunner {
        ContainerRunner(store: platform.store, engine: try PodmanTestHost.engine(), worker: worker,
                        scratch: try PodmanTestHost.temporaryFolder(), leaseSeconds: lease)
    }

    /// Reads each case's grade and predicts it: a perfect model.
    static let reader = """
        echo case_id,label > /output/predictions.csv
        tail -n +2 /input/cases.csv | while read -r c; do
          echo "$c,$(sed -n 's/.*"grade": *\\([0-9]\\).*/\\1/p' /input/$c/slide.json)" >> /output/predictions.csv
        done
        echo "read $(ls /input | wc -l) entries"
        """

    @Test func wholeSetPredictionsAreScoredLikeAnUpload() async throws {
        let platform = try platform()
        let submission = try submit(Self.reader, on: platform)
        #expect(try await runner(platform).runPending() == 1)
        let record = try #require(try platform.store.containerRun(submissionID: submission.id))
        #expect(record.report?.verdict == .succeeded)
        #expect(record.predictions?.fileName == "predictions.csv")
        let report = try await Judge(store: platform.store).drain()
        #expect(report.scored == 1)
        let stored = try platform.store.submission(submission.id)
        #expect(stored.status == .scored)
        let scores = try platform.store.aggregates(submissionID: submission.id, splits: [.public])
        #expect(scores[.public]?["accuracy"] == 1.0)
    }

    @Test func containerThatExitsNonZeroFailsWithItsStatusAndKeepsItsLogForOrganisers() async throws {
        let platform = try platform()
        let submission = try submit("echo 'opening /weights/model.bin' >&2; exit 3", on: platform)
        try await runner(platform).runPending()
        let stored = try platform.store.submission(submission.id)
        #expect(stored.status == .failed)
        #expect(stored.failure == "the container exited with status 3")
        let report = try #require(try platform.store.containerRun(submissionID: submission.id)?.report)
        #expect(report.verdict == .exitCode)
        #expect(report.exitCode == 3)
        let log = String(decoding: try platform.store.blobs.read(try #require(report.logSHA256)), as: UTF8.self)
        #expect(log.contains("opening /weights/model.bin"))
        #expect(stored.failure?.contains("weights") == false)
    }

    @Test func outputThatFailsValidationIsReportedByKindAndCountWithoutCaseIDs() async throws {
        let platform = try platform()
        let submission = try submit("printf 'case_id,label\\nA,0\\nB,1\\n' > /output/predictions.csv", on: platform)
        try await runner(platform).runPending()
        let report = try #require(try platform.store.containerRun(submissionID: submission.id)?.report)
        #expect(report.verdict == .invalidOutput)
        #expect(report.problemCount == 4)
        #expect(report.firstProblemKind == "missing-case")
        let failure = try #require(try platform.store.submission(submission.id).failure)
        for hidden in ["C", "D", "E", "F"] { #expect(!failure.contains("\"\(hidden)\""), "\(failure)") }
    }

    @Test func containerSeesOnlyThePhasesInputsReadOnlyAndNoTruth() async throws {
        let platform = try platform()
        let script = """
            ls -R /input; cat /input/cases.csv
            touch /input/x 2>/dev/null && echo WROTE-INPUT
            touch /x 2>/dev/null && echo WROTE-ROOT
            find / -name 'truth*' -o -name '*.sqlite' 2>/dev/null | grep -v '^/proc' | sed 's/^/FOUND /'
            exit 1
            """
        let submission = try submit(script, on: platform)
        try await runner(platform).runPending()
        let report = try #require(try platform.store.containerRun(submissionID: submission.id)?.report)
        let log = String(decoding: try platform.store.blobs.read(try #require(report.logSHA256)), as: UTF8.self)
        #expect(log.contains("/input/A:") && log.contains("/input/F:"))
        #expect(log.contains("slide.json"))
        #expect(!log.contains("WROTE-INPUT"))
        #expect(!log.contains("WROTE-ROOT"))
        #expect(!log.contains("FOUND"), "\(log)")
        #expect(!log.contains("split"), "the manifest must not name splits: \(log)")
    }

    @Test func containerThatSleepsIsStoppedAtTheRunsTimeLimit() async throws {
        let platform = try platform(Self.wholeSet.replacingOccurrences(of: "run-time: 1m", with: "case-time: 2s, run-time: 2s"))
        let submission = try submit("sleep 600", on: platform)
        try await runner(platform).runPending()
        let report = try #require(try platform.store.containerRun(submissionID: submission.id)?.report)
        #expect(report.verdict == .timedOut)
        #expect(try platform.store.submission(submission.id).failure == "the container was stopped at its time limit")
    }

    @Test func orphanOfAKilledRunnerIsRemovedAndTheJobRunsAgainOnceAndIsScoredOnce() async throws {
        let platform = try platform()
        let submission = try submit(Self.reader, on: platform)
        // A runner claimed the job and died, leaving its container running.
        let claimed = try #require(try platform.store.claimRuns(worker: "killed", limit: 1, leaseSeconds: 1, now: Date(), maxAttempts: 3).first)
        let engine = try PodmanTestHost.engine()
        let label = ContainerRunner.containerLabel(jobID: claimed.jobID, storeLocation: platform.store.location)
        _ = try await engine.podman(["run"] + engine.settings.runOptions + [
            "--detach", "--name", "arbiter-orphan-\(claimed.jobID)-\(UUID().uuidString.prefix(6).lowercased())",
            "--label", "arbiter.job=\(label)", try await PodmanTestHost.image(), "sleep", "600",
        ])
        try await Task.sleep(for: .seconds(1.5))
        #expect(try await runner(platform).runPending() == 1)
        let listed = try await engine.podman(["ps", "--all", "--quiet", "--filter", "label=arbiter.job=\(label)"])
        #expect(listed.outputText.isEmpty)
        #expect(try await runner(platform).runPending() == 0)
        try await Judge(store: platform.store).drain()
        #expect(try platform.store.submission(submission.id).status == .scored)
        #expect(try platform.store.jobAndEvaluationCounts()[submission.id]?.evaluations == 1)
    }

    @Test func codePackageRunsInThePhasesRuntimeImageWithItsCodeReadOnlyAtCode() async throws {
        _ = try await PodmanTestHost.image()
        let runtime = "runtime: { image: \"\(PodmanTestHost.imageReference)\", command: [sh, /code/main.sh] }"
        let platform = try platform(Self.wholeSet.replacingOccurrences(of: "limits:", with: runtime + ", limits:"))
        let folder = try ScratchFolder()
        let script = folder.file("main.sh")
        try Data((Self.reader + "\ntouch /code/x 2>/dev/null && echo WROTE-CODE\nexit 0\n").utf8).write(to: URL(fileURLWithPath: script))
        let package = try TarWriter(path: folder.file("submission.tar"))
        try package.append(file: script, as: "main.sh")
        try package.finish()
        let submission = try #require(try platform.intake.submit(
            challenge: "small", phase: "final", token: try platform.addTeam("alpha"), fileName: "submission.tar",
            bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.file("submission.tar")))), now: platform.at(60)))
        #expect(try platform.store.containerRun(submissionID: submission.id)?.image.isCodePackage == true)
        try await runner(platform).runPending()
        let report = try #require(try platform.store.containerRun(submissionID: submission.id)?.report)
        let log = String(decoding: try platform.store.blobs.read(try #require(report.logSHA256)), as: UTF8.self)
        #expect(report.verdict == .succeeded, "\(log)")
        #expect(!log.contains("WROTE-CODE"))
        try await Judge(store: platform.store).drain()
        #expect(try platform.store.aggregates(submissionID: submission.id, splits: [.public])[.public]?["accuracy"] == 1.0)
    }

    @Test func developmentPhasesContainerSeesOnlyItsOwnCases() async throws {
        // The small challenge with a second, earlier phase on the public cases only (A-D).
        let store = try StoreAdapter.sqlite.open()
        let final = Platform.yaml(container: Self.wholeSet)
        let development = """
              - slug: development
                opens: 2026-01-01T00:00:00Z
                closes: 2026-03-01T00:00:00Z
                cases: [public]
                public-split: public
                submission: container
                container: \(Self.wholeSet)
            """
        let yaml = final.replacingOccurrences(of: "phases:\n", with: "phases:\n" + development + "\n")
        let platform = try Platform(store: store, yaml: yaml)
        let folder = try ScratchFolder()
        for caseID in ["A", "B", "C", "D", "E", "F"] {
            try FileManager.default.createDirectory(atPath: folder.file(caseID), withIntermediateDirectories: true)
            _ = try folder.write(Array("{\"grade\": 0}\n".utf8), to: "\(caseID)/slide.json")
        }
        try CaseInputImport.run(folder.path, challenge: "small", store: store, now: platform.at(0))
        let archive = folder.file("model.tar")
        try BusyboxImage(script: "ls /input; exit 1", reference: "localhost/arbiter-test-lister:1").write(to: archive)
        let submission = try #require(try platform.intake.submit(
            challenge: "small", phase: "development", token: try platform.addTeam("alpha"), fileName: "model.tar",
            bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: archive))), now: platform.at(60)))
        try await runner(platform).runPending()
        let report = try #require(try store.containerRun(submissionID: submission.id)?.report)
        let listed = String(decoding: try store.blobs.read(try #require(report.logSHA256)), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map(String.init)
        #expect(listed == ["A", "B", "C", "D", "cases.csv"])
    }
}

/// Checks a runner makes before its first job, without running any container.
@Suite struct RunnerHostTests {
    @Test func phaseNeedingGPUsIsRefusedAtStartOnAHostWithout() throws {
        let platform = try Platform(container: "{ layout: whole-set, inputs: { slide: value }, gpus: 1 }")
        let runner = ContainerRunner(store: platform.store, engine: PodmanEngine(settings: ContainerEngineSettings()), worker: "w",
                                     scratch: FileManager.default.temporaryDirectory.path)
        #expect(throws: RunnerError.self) { try runner.checkHost() }
        let withGPU = ContainerRunner(store: platform.store, engine: PodmanEngine(settings: ContainerEngineSettings(gpuDevices: ["nvidia.com/gpu=0"])),
                                      worker: "w", scratch: FileManager.default.temporaryDirectory.path)
        try withGPU.checkHost()
    }
}
