import ArgumentParser
import BuiltInFiles
import Challenge
import Evaluation
import Foundation
import Intake
import Judge
import Runner
import Server
import Site
import Store
import Synchronization

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a whole challenge on a fresh data directory: spec, truth, teams, submissions, judge, leaderboard.")

    @Option(name: .customLong("data-dir"), help: "Fresh data directory for the demo (replaced if it holds an earlier demo).")
    var dataDirectory = "./arbiter-demo"
    @Option(help: "Where to write the leaderboard (default: DATA-DIR/leaderboard).") var out: String?
    @Option(help: "The demo challenge folder (Challenges/<name>-demo also names the binary's built-in copy).")
    var challenge = "Challenges/tissuenet-demo"
    @Option(help: "The demo's truth and prediction files (Fixtures/<name>-demo also names the built-in copy).")
    var fixtures = "Fixtures/tissuenet-demo"
    @Option(help: "Folder with the leaderboard template and style sheet.") var assets = "Leaderboard"
    @Option(help: "For a container demo: the engine settings (the default is deploy/podman/runner.yaml when it exists here).")
    var engineConfig: String?

    /// The folders as given when they exist, else the binary's built-in copies, so the demo runs from any folder.
    private var challengeFolder: String { BuiltInFiles.resolve(challenge) }
    private var fixturesFolder: String { BuiltInFiles.resolve(fixtures) }
    var assetsFolder: String { BuiltInFiles.resolve(assets) }

    func run() async throws {
        let dataURL = URL(fileURLWithPath: dataDirectory)
        try resetDataDirectory(dataURL)
        let store = try StoreFactory.open(database: nil, dataDirectory: dataURL)
        let folder = ChallengeFolder(directory: URL(fileURLWithPath: challengeFolder))
        let spec = try ChallengeSpecParser.load(directory: folder.directory)
        guard let phase = spec.phases.last else { throw ValidationError("the demo challenge has no phase") }
        // Submissions are stamped inside the final phase, whatever today's date, so the demo always runs.
        let clock = DemoClock(start: phase.opens.addingTimeInterval(3600))
        try folder.register(in: store, now: clock.tick())
        print("registered challenge \(spec.slug) (\(spec.phases.count) phases)")
        let (truthCount, truth) = try importTruth(store: store, spec: spec, now: clock.tick())
        print("imported ground truth: \(truthCount) cases")
        if let truth, let settled = try await runStudy(store: store, folder: folder.directory, spec: spec, truth: truth, data: dataURL, clock: clock) {
            let file = dataURL.appendingPathComponent("truth-with-consensus.csv")
            try store.importTruth(settled, challenge: spec.slug, fileSHA256: ContentDigest.sha256(try readFile(file.path)), now: clock.tick())
            print("imported the truth with the readers' consensus: teams are scored against it")
        }
        if phase.container != nil {
            try await runContainers(store: store, spec: spec, phase: phase.slug, data: dataURL, clock: clock)
        } else {
            try submitTeams(store: store, spec: spec, phase: phase.slug, clock: clock)
        }
        let report = try await Judge(store: store, clock: { clock.tick() }).drain()
        print(JudgeCommand.summary(report, elapsed: nil))
        let output = URL(fileURLWithPath: out ?? dataURL.appendingPathComponent("leaderboard").path)
        let index = try await LeaderboardSite(store: store, assets: URL(fileURLWithPath: assetsFolder))
            .build(challenge: spec.slug, output: output, now: Date(), humanBands: try StudySiteInputs.humanBands(store: store, challenge: spec.slug))
        print("leaderboard: \(index.path)")
    }

    /// `truth.csv` for classification; a `truth` folder or `truth.tar` for lesion and segmentation tasks. Returns how
    /// many cases, and the classification truth (which the reader study's simulated reads start from).
    private func importTruth(store: any ArbiterStore, spec: ChallengeSpec, now: Date) throws -> (Int, GroundTruth?) {
        let fixtures = fixturesFolder
        guard spec.task.kind == .slideClassification else {
            let source = ["\(fixtures)/truth", "\(fixtures)/truth.tar"].first { FileManager.default.fileExists(atPath: $0) }
            guard let source else { throw ValidationError("\(fixtures) has neither truth/ nor truth.tar") }
            let files = try LesionTruthImport.read(source, task: spec.task)
            try store.importLesionTruth(files, challenge: spec.slug, now: now)
            return (files.count, nil)
        }
        let truthFile = "\(fixtures)/truth.csv"
        let truthBytes = try readFile(truthFile)
        let truth = try TruthParser.parse(truthBytes, file: truthFile, task: spec.task)
        try store.importTruth(truth, challenge: spec.slug, fileSHA256: ContentDigest.sha256(truthBytes), now: now)
        return (truth.cases.count, truth)
    }

    /// One team per file in `predictions/` (named after the file); `malformed.*` must be refused.
    private func submitTeams(store: any ArbiterStore, spec: ChallengeSpec, phase: String, clock: DemoClock) throws {
        let intake = SubmissionIntake(store: store)
        let folder = "\(fixturesFolder)/predictions"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        var lastToken: String?
        for file in files where !file.hasPrefix("malformed") {
            let team = String(file.prefix { $0 != "." })
            let token = try store.addTeam(challenge: spec.slug, name: team, now: clock.tick()).token
            lastToken = token
            let submission = try intake.submit(
                challenge: spec.slug, phase: phase, token: token, fileName: file, bytes: try readFile("\(folder)/\(file)"), now: clock.tick())
            print("team \(team): submission \(submission?.id ?? 0) accepted")
        }
        guard let malformed = files.first(where: { $0.hasPrefix("malformed") }), let lastToken else { return }
        do {
            try intake.submit(challenge: spec.slug, phase: phase, token: lastToken, fileName: malformed,
                              bytes: try readFile("\(folder)/\(malformed)"), now: clock.tick())
            throw ValidationError("the malformed demo file was accepted; the validator is broken")
        } catch let error as IntakeError {
            print("\(malformed) rejected (not counted against any limit):")
            print(error.description.split(separator: "\n").dropFirst().joined(separator: "\n"))
        }
    }

    /// A container phase: the hidden inputs imported, one busybox image per team folder in `containers/` (its
    /// `model.sh` the entry point) submitted, and every image run before the judge scores the outputs.
    private func runContainers(store: any ArbiterStore, spec: ChallengeSpec, phase: String, data: URL, clock: DemoClock) async throws {
        let inputs = try CaseInputImport.run("\(fixturesFolder)/inputs", challenge: spec.slug, store: store, now: clock.tick())
        print("imported \(inputs) hidden input files")
        let intake = SubmissionIntake(store: store)
        let folder = "\(fixturesFolder)/containers"
        let images = data.appendingPathComponent("images").path
        try FileManager.default.createDirectory(atPath: images, withIntermediateDirectories: true)
        for team in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ !$0.hasPrefix(".") }).sorted() {
            let script = try String(contentsOfFile: "\(folder)/\(team)/model.sh", encoding: .utf8)
            let archive = "\(images)/\(team).tar"
            try BusyboxImage(script: script, reference: "localhost/\(spec.slug)-\(team):demo").write(to: archive)
            let token = try store.addTeam(challenge: spec.slug, name: team, now: clock.tick()).token
            let submission = try intake.submit(challenge: spec.slug, phase: phase, token: token, fileName: "\(team).tar",
                                               bytes: try readFile(archive), now: clock.tick())
            print("team \(team): image submission \(submission?.id ?? 0) accepted")
        }
        let settingsPath = engineConfig ?? (FileManager.default.fileExists(atPath: "deploy/podman/runner.yaml") ? "deploy/podman/runner.yaml" : nil)
        let settings = try settingsPath.map(ContainerEngineSettings.load(path:)) ?? ContainerEngineSettings()
        let runner = ContainerRunner(store: store, engine: PodmanEngine(settings: settings), worker: "demo-runner",
                                     scratch: FileManager.default.temporaryDirectory.path, clock: { clock.tick() })
        while try await runner.runPending() > 0 {}
        for submission in try store.submissions(challenge: try store.challenge(spec.slug), team: nil) {
            guard let report = try store.containerRun(submissionID: submission.id)?.report else { continue }
            let memory = report.peakMemoryBytes.map { ", peak memory \($0 >> 10) KiB" } ?? ""
            print("run of submission \(submission.id): \(report.verdict.rawValue) in \(String(format: "%.2f", report.durationSeconds)) s\(memory)"
                  + (report.verdict == .succeeded ? "" : " (\(report.teamMessage))"))
        }
    }

    /// Refuses to delete a folder that is not an earlier demo.
    private func resetDataDirectory(_ url: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: url.path) else { return }
        let contents = try manager.contentsOfDirectory(atPath: url.path)
        guard contents.isEmpty || contents.contains("arbiter.sqlite") else {
            throw ValidationError("\(url.path) exists and is not an Arbiter data directory; choose another --data-dir")
        }
        try manager.removeItem(at: url)
    }
}

/// A clock that starts at a fixed instant and advances a minute per reading.
final class DemoClock: Sendable {
    private let start: Date
    private let readings = Mutex(0)

    init(start: Date) {
        self.start = start
    }

    func tick() -> Date {
        let count = readings.withLock { value in
            value += 1
            return value
        }
        return start.addingTimeInterval(Double(count) * 60)
    }
}
