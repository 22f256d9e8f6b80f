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
    @Option(help: "Scoring tasks in flight, per worker.") var concurrency = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "The store: postgres://USER:PASSWORD@HOST:PORT/DB (a fresh schema is made in it) or sqlite://PATH; default a fresh SQLite store.")
    var database: String?
    @Option(help: "Judges draining the queue at once, each with its own store (its own connection pool), as separate processes have.")
    var workers = 1
    @Option(help: "Jobs a judge claims at once (the judge's default is 64).") var batchSize = 64

    func validate() throws {
        guard workers > 0 else { throw ValidationError("--workers must be at least 1, got \(workers)") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
    }

    func run() async throws {
        var timings: [Double] = []
        var engine = ""
        for repetition in 1...repetitions {
            let database = BenchDatabase(database, label: "judge")
            engine = database.engine
            _ = try Self.prepare(submissions: submissions, cases: cases, seed: UInt64(repetition), database: database)
            let judges = try (0..<workers).map { index in
                var judge = Judge(store: try database.open(), worker: "bench-\(index)")
                judge.concurrency = concurrency
                judge.batchSize = batchSize
                return judge
            }
            let clock = ContinuousClock()
            let started = clock.now
            let scored = try await Self.drain(judges)
            let seconds = Stopwatch.seconds(clock.now - started)
            guard scored == submissions else { throw ValidationError("only \(scored) of \(submissions) were scored") }
            timings.append(seconds)
            print(String(format: "run %d: judged %d submissions x %d cases in %.3f s (%.0f submissions/s, %.2f ms each)",
                         repetition, submissions, cases, seconds, Double(submissions) / seconds, seconds * 1000 / Double(submissions)))
            try await Self.rejudgeChangesNothing(judges[0], submissions: submissions)
            database.removeFiles()
        }
        let median = timings.sorted()[timings.count / 2]
        print("median: " + String(format: "%.3f s for %d submissions x %d cases (%.2f ms each) on %d cores, ",
                                  median, submissions, cases, median * 1000 / Double(submissions), ProcessInfo.processInfo.activeProcessorCount)
              + "\(engine), \(workers) workers (target < 1 s)")
        BenchmarkResult(benchmark: "judge: \(submissions) x \(cases) cases, \(engine), \(workers) judge\(workers == 1 ? "" : "s")",
                        arbiter: BenchmarkResult.number(median, 3, "s"), target: "< 1 s", met: median < 1).print()
    }

    /// Re-judges the phase and checks that every result comes out as stored: nothing new written, no difference.
    private static func rejudgeChangesNothing(_ judge: Judge, submissions: Int) async throws {
        let started = ContinuousClock.now
        let queued = try judge.store.requeue(challenge: try judge.store.challenge("tissuenet-demo"), phase: "final", now: Date())
        let report = try await judge.drain()
        guard queued == submissions, report.alreadyRecorded == submissions, report.total == submissions else {
            throw ValidationError("re-judging \(queued) submissions gave \(report): results differ from the stored ones or were written again")
        }
        print(String(format: "  re-judged in %.3f s: %d of %d as stored, %d new, %d different", Stopwatch.seconds(ContinuousClock.now - started),
                     report.alreadyRecorded, submissions, report.scored, report.conflicts))
    }

    /// Runs the judges at once until the queue is empty; returns how many submissions they scored.
    private static func drain(_ judges: [Judge]) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for judge in judges { group.addTask { try await judge.drain().scored } }
            return try await group.reduce(0, +)
        }
    }

    /// A fresh store (in the returned data directory) with the demo challenge, `cases` cases of truth and one
    /// submission per team, queued.
    static func prepare(submissions: Int, cases: Int, seed: UInt64) throws -> (store: any ArbiterStore, directory: URL) {
        let database = BenchDatabase(nil, label: "judge")
        return (try prepare(submissions: submissions, cases: cases, seed: seed, database: database), database.directory)
    }

    /// The same in a given database.
    static func prepare(submissions: Int, cases: Int, seed: UInt64, database: BenchDatabase) throws -> any ArbiterStore {
        let store = try database.open()
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
        return store
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
