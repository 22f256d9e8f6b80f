import ArgumentParser
import BuiltInFiles
import Challenge
import Evaluation
import Foundation
import Intake
import Judge
import Scoring
import Store

/// Judges N submissions of M cases each on a fresh store and reports the wall time of the judge
/// alone (claiming, reading blobs, validating, scoring, writing per-case and aggregate results).
struct JudgeBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge", abstract: "Time the judge on synthetic slide-classification submissions.")

    @Option(help: "Submissions to judge.") var submissions = 200
    @Option(help: "Cases per submission.") var cases = 1500
    @Option(help: "Repetitions (a fresh store each); the median is reported.") var repetitions = 3
    @Option(help: "Scoring tasks in flight.") var concurrency = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        var timings: [Double] = []
        for repetition in 1...repetitions {
            let (store, directory) = try await prepare(seed: UInt64(repetition))
            var judge = Judge(store: store, worker: "bench")
            judge.concurrency = concurrency
            let clock = ContinuousClock()
            let started = clock.now
            let report = try await judge.drain()
            let elapsed = clock.now - started
            let seconds = Stopwatch.seconds(elapsed)
            guard report.scored == submissions else { throw ValidationError("only \(report.scored) of \(submissions) were scored") }
            timings.append(seconds)
            print(String(format: "run %d: judged %d submissions x %d cases in %.3f s (%.0f submissions/s)",
                         repetition, submissions, cases, seconds, Double(submissions) / seconds))
            try? FileManager.default.removeItem(at: directory)
        }
        let median = timings.sorted()[timings.count / 2]
        print(String(format: "median: %.3f s for %d submissions x %d cases on %d cores (target < 2 s)",
                     median, submissions, cases, ProcessInfo.processInfo.activeProcessorCount))
    }

    private func prepare(seed: UInt64) async throws -> (store: any ArbiterStore, directory: URL) {
        try Self.prepare(submissions: submissions, cases: cases, seed: seed)
    }

    /// A fresh store (in the returned data directory) with the demo challenge, `cases` cases of truth and one
    /// submission per team, queued.
    static func prepare(submissions: Int, cases: Int, seed: UInt64) throws -> (store: any ArbiterStore, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-bench-\(UUID().uuidString)")
        let store = try StoreFactory.open(database: nil, dataDirectory: directory)
        let spec = try ChallengeSpecParser.load(directory: URL(fileURLWithPath: BuiltInFiles.resolve("Challenges/tissuenet-demo")))
        guard let opens = spec.phase("final")?.opens else { throw ValidationError("the demo challenge has no final phase") }
        try store.registerChallenge(spec, now: opens)
        var random = SplitMix64(seed: seed)
        let ids = (1...cases).map { String(format: "CASE%05d", $0) }
        let labels = ids.map { _ in Int(random.next() % 4) }
        var truthCSV = "case_id,label,split\n"
        for (index, id) in ids.enumerated() { truthCSV += "\(id),\(labels[index]),\(index % 5 < 3 ? "public" : "private")\n" }
        let truth = try TruthParser.parse(Array(truthCSV.utf8), file: "truth.csv", task: spec.task)
        try store.importTruth(truth, challenge: spec.slug, fileSHA256: ContentDigest.sha256(Array(truthCSV.utf8)), now: opens)
        let intake = SubmissionIntake(store: store)
        for team in 0..<submissions {
            let token = try store.addTeam(challenge: spec.slug, name: "team\(team)", now: opens).token
            let csv = Self.predictions(ids: ids, labels: labels, random: &random)
            try intake.submit(challenge: spec.slug, phase: "final", token: token, fileName: "p.csv", bytes: csv,
                              now: opens.addingTimeInterval(Double(team + 1)))
        }
        return (store, directory)
    }

    /// A prediction file with probabilities, right about 70% of the time.
    static func predictions(ids: [String], labels: [Int], random: inout SplitMix64) -> [UInt8] {
        var csv = "case_id,label,p_0,p_1,p_2,p_3\n"
        for (id, truth) in zip(ids, labels) {
            let predicted = random.next() % 10 < 7 ? truth : Int(random.next() % 4)
            var weights = (0..<4).map { _ in Double(random.next() % 1000) / 1000 }
            weights[predicted] += 2
            let total = weights.reduce(0, +)
            // Whole millionths, so the written decimals sum to exactly 1.
            var micros = weights.prefix(3).map { Int(($0 / total * 1e6).rounded()) }
            let largest = micros.indices.max { micros[$0] < micros[$1] }!
            let remainder = 1_000_000 - micros.reduce(0, +)
            if remainder < 0 { micros[largest] += remainder }
            micros.append(max(0, remainder))
            let fields = micros.map { String(format: "%d.%06d", $0 / 1_000_000, $0 % 1_000_000) }
            csv += "\(id),\(predicted),\(fields.joined(separator: ","))\n"
        }
        return Array(csv.utf8)
    }
}
