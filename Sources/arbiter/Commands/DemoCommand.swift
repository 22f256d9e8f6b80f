import ArgumentParser
import Challenge
import Foundation
import Intake
import Judge
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
    @Option(help: "The demo challenge folder.") var challenge = "Challenges/tissuenet-demo"
    @Option(help: "The demo's truth and prediction files.") var fixtures = "Fixtures/tissuenet-demo"
    @Option(help: "Folder with the leaderboard template and style sheet.") var assets = "Leaderboard"

    func run() async throws {
        let dataURL = URL(fileURLWithPath: dataDirectory)
        try resetDataDirectory(dataURL)
        let store = try SQLiteStore(dataDirectory: dataURL)
        let spec = try ChallengeSpecParser.load(directory: URL(fileURLWithPath: challenge))
        guard let phase = spec.phases.last else { throw ValidationError("the demo challenge has no phase") }
        // Submissions are stamped inside the final phase, whatever today's date, so the demo always runs.
        let clock = DemoClock(start: phase.opens.addingTimeInterval(3600))
        try store.registerChallenge(spec, now: clock.tick())
        print("registered challenge \(spec.slug) (\(spec.phases.count) phases)")
        let truthFile = "\(fixtures)/truth.csv"
        let truthBytes = try readFile(truthFile)
        let truth = try TruthParser.parse(truthBytes, file: truthFile, task: spec.task)
        try store.importTruth(truth, challenge: spec.slug, fileSHA256: BlobStore.digest(truthBytes), now: clock.tick())
        print("imported ground truth: \(truth.cases.count) cases")
        try submitTeams(store: store, spec: spec, phase: phase.slug, clock: clock)
        let report = try await Judge(store: store, clock: { clock.tick() }).drain()
        print(JudgeCommand.summary(report, elapsed: nil))
        let output = URL(fileURLWithPath: out ?? dataURL.appendingPathComponent("leaderboard").path)
        let index = try LeaderboardSite(store: store, assets: URL(fileURLWithPath: assets))
            .build(challenge: spec.slug, output: output, now: Date())
        print("leaderboard: \(index.path)")
    }

    private func submitTeams(store: SQLiteStore, spec: ChallengeSpec, phase: String, clock: DemoClock) throws {
        let intake = SubmissionIntake(store: store)
        var tokens: [String: String] = [:]
        for team in ["atlas", "baseline", "coinflip"] {
            tokens[team] = try store.addTeam(challenge: spec.slug, name: team, now: clock.tick()).token
            let file = "\(fixtures)/predictions/\(team).csv"
            let submission = try intake.submit(
                challenge: spec.slug, phase: phase, token: tokens[team]!, fileName: "\(team).csv",
                bytes: try readFile(file), now: clock.tick())
            print("team \(team): submission \(submission?.id ?? 0) accepted")
        }
        let malformed = "\(fixtures)/predictions/malformed.csv"
        do {
            try intake.submit(challenge: spec.slug, phase: phase, token: tokens["coinflip"]!, fileName: "malformed.csv",
                              bytes: try readFile(malformed), now: clock.tick())
            throw ValidationError("the malformed demo file was accepted; the validator is broken")
        } catch let error as IntakeError {
            print("team coinflip: malformed.csv rejected (not counted against its limit):")
            print(error.description.split(separator: "\n").dropFirst().joined(separator: "\n"))
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
