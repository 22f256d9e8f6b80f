import ArgumentParser
import Challenge
import Foundation
import Judge
import Scoring
import Store
#if canImport(Glibc)
import Glibc
#endif

/// Uploads from many clients at once to a real `arbiter serve` on loopback, kills the server with SIGKILL in the
/// middle of every round and starts it again, then checks the store: every acknowledged submission is present,
/// intact and queued (or scored) exactly once, and nothing unacknowledged is half-present.
struct ServeReliabilityBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Load and crash-test `arbiter serve`: throughput, latency, zero loss over kill/restart rounds.")

    @Option(help: "Concurrent clients (one team each).") var clients = 16
    @Option(help: "Seconds of load per round.") var seconds = 3.0
    @Option(help: "Rounds; each kills the server with SIGKILL part-way and restarts it.") var rounds = 10
    @Option(help: "Rows (cases) per uploaded CSV.") var rows = 1500
    @Option(help: "Loopback port.") var port = 18_473
    @Option(help: "The arbiter executable (default: next to this one).") var arbiter: String?
    @Flag(inversion: .prefixedNo, help: "Kill and restart the server in every round (--no-kill measures throughput alone).")
    var kill = true
    @Flag(help: "Afterwards, drain the queue with a judge and check each submission was scored exactly once.") var judge = false

    func run() async throws {
        let executable = arbiter ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arbiter").path
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-serve-bench-\(UUID().uuidString)")
        let setup = try LoadSetup.make(data: data, teams: clients, rows: rows)
        print("data \(data.path); \(clients) clients, \(rows)-row CSVs (\(setup.sampleBytes) bytes), \(rounds) rounds of \(seconds) s")
        let server = try ServerProcess(executable: executable, data: data, port: port)
        try server.start()
        let load = LoadGenerator(port: UInt16(port), setup: setup)
        let clock = ContinuousClock()
        let started = clock.now
        var kills: [Double] = []
        for round in 1...rounds {
            let roundStart = clock.now
            let killAfter = seconds * Double.random(in: 0.3...0.7)
            let kill = self.kill
            let outcome = load.run(for: seconds) {
                guard kill else { return 0 }
                Thread.sleep(forTimeInterval: killAfter)
                server.kill()
                let downAt = ContinuousClock.now
                do { try server.start() } catch { print("restart failed: \(error)") }
                return Stopwatch.seconds(ContinuousClock.now - downAt)
            }
            kills.append(outcome.chaosSeconds)
            print(String(format: "round %2d: %5d acknowledged, %4d refused, %4d unanswered (killed at %.2f s, %.2f s)",
                         round, outcome.acknowledged, outcome.refused, outcome.unanswered, killAfter, Stopwatch.seconds(clock.now - roundStart)))
        }
        let wall = Stopwatch.seconds(clock.now - started)
        server.stop()
        let report = load.report
        let verification = try LoadVerification.check(data: data, acknowledged: report.acknowledged)
        let latencies = report.latencies.sorted()
        func percentile(_ p: Double) -> Double { latencies.percentileMilliseconds(p) }
        print(String(format: "acknowledged %d submissions in %.1f s: %.0f per second (restarts took %.2f s on average)",
                     report.acknowledged.count, wall, Double(report.acknowledged.count) / wall, kills.reduce(0, +) / Double(max(1, kills.count))))
        print(String(format: "latency of acknowledged uploads: p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(0.5), percentile(0.99), (latencies.last ?? .nan) * 1000))
        print("unanswered (connection cut by a kill): \(report.unanswered); refused: \(report.refused)")
        print(verification.summary)
        let rate = Double(report.acknowledged.count) / wall, p99 = percentile(0.99)
        BenchmarkResult(benchmark: "intake: \(clients) clients, \(rows)-row CSVs, \(rounds) SIGKILL rounds",
                        arbiter: BenchmarkResult.number(rate, 0, "uploads/s") + ", p99 " + BenchmarkResult.number(p99, 1, "ms")
                            + ", \(verification.lost) lost",
                        target: ">= 1000/s, p99 < 50 ms, 0 lost", met: rate >= 1000 && p99 < 50 && verification.lost == 0).print()
        if judge {
            let store = try StoreFactory.open(database: nil, dataDirectory: data)
            let judged = try await Judge(store: store, worker: "bench-judge").drain()
            let once = try LoadVerification.scoredExactlyOnce(data: data)
            print("judge: \(judged.scored) scored, \(judged.failed) failed; \(once)")
        }
        guard verification.lost == 0, verification.corrupt == 0, verification.duplicated == 0, verification.halfPresent == 0 else {
            throw ExitCode(1)
        }
    }
}
