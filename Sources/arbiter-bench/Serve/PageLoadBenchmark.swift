import ArgumentParser
import Foundation
import Intake
import Judge
import Scoring
import Store

/// The portal's page-load latency: S browser sessions (one team each, with scored submissions) fetch their phase page
/// and their submissions page in turn, as fast as `arbiter serve` answers, on loopback. Target (issue 18): p99 under
/// 50 ms with 50 sessions on 2 cores.
struct PageLoadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages", abstract: "Page-load latency of the portal: concurrent sessions fetching the phase and my-submissions pages.")

    @Option(help: "Concurrent browser sessions (one team each).") var sessions = 50
    @Option(help: "Seconds of load.") var seconds = 10.0
    @Option(help: "Scored submissions per team, listed on its submissions page.") var submissions = 5
    @Option(help: "Rows (cases) per submission.") var rows = 1500
    @Option(help: "Loopback port of the server.") var port = 18_620
    @Option(help: "The arbiter executable (default: next to this one).") var arbiter: String?

    func validate() throws {
        guard sessions > 0, submissions >= 0, seconds > 0 else {
            throw ValidationError("--sessions and --seconds must be above 0 and --submissions at least 0; got \(sessions), \(seconds), \(submissions)")
        }
    }

    func run() async throws {
        let executable = arbiter ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arbiter").path
        let database = BenchDatabase(nil, label: "pages")
        defer { database.removeFiles() }
        let setup = try LoadSetup.make(data: database.directory, teams: sessions, rows: rows)
        let store = try database.open()
        let cookies = try await Self.sessionsWithSubmissions(store: store, setup: setup, submissions: submissions)
        let server = try ServerProcess(executable: executable, data: database.directory, port: port)
        try server.start()
        defer { server.stop() }
        let paths = ["/challenges/load/phases/open", "/challenges/load/submissions"]
        let deadline = Date().addingTimeInterval(seconds)
        let results = Self.load(cookies: cookies, paths: paths, port: UInt16(port), until: deadline)
        let latencies = results.flatMap(\.latencies).sorted()
        let failures = results.reduce(0) { $0 + $1.failures }
        func percentile(_ p: Double) -> Double { latencies.percentileMilliseconds(p) }
        print("pages: \(sessions) sessions, \(submissions) scored submissions each, \(rows)-case challenge: "
              + String(format: "%d pages in %.1f s: %.0f per second; p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d failed",
                       latencies.count, seconds, Double(latencies.count) / seconds, percentile(0.5), percentile(0.99),
                       (latencies.last ?? .nan) * 1000, failures))
        BenchmarkResult(benchmark: "pages: \(sessions) sessions, phase and submissions pages",
                        arbiter: BenchmarkResult.number(Double(latencies.count) / seconds, 0, "pages/s") + ", p99 "
                            + BenchmarkResult.number(percentile(0.99), 1, "ms"),
                        target: "p99 < 50 ms", met: percentile(0.99) < 50).print()
        guard failures == 0 else { throw ServeBenchError("\(failures) page loads failed") }
    }

    /// Submits and scores each team's files, then opens a session per team, as signing in would.
    static func sessionsWithSubmissions(store: any ArbiterStore, setup: LoadSetup, submissions: Int) async throws -> [String] {
        let intake = SubmissionIntake(store: store)
        var random = SplitMix64(seed: 11)
        for token in setup.tokens {
            guard let team = try store.authenticate(token: token)?.team else { throw ServeBenchError("a benchmark team's token does not authenticate") }
            for index in 0..<submissions {
                let bytes = JudgeBenchmark.predictions(ids: setup.ids, labels: setup.labels, random: &random)
                _ = try intake.submit(challenge: "load", phase: "open", team: team, fileName: "predictions-\(index).csv", bytes: bytes, now: Date())
            }
        }
        _ = try await Judge(store: store).drain()
        return try setup.tokens.map { token in
            guard let session = try store.openSession(token: token, now: Date(), lifetime: 86_400) else {
                throw ServeBenchError("no session for a benchmark team")
            }
            return session.id
        }
    }

    /// One thread per session, each on its own keep-alive connection, alternating the pages until the deadline.
    static func load(cookies: [String], paths: [String], port: UInt16, until deadline: Date) -> [(latencies: [Double], failures: Int)] {
        let results = ResultSlots<(latencies: [Double], failures: Int)>(count: cookies.count)
        let group = DispatchGroup()
        for (index, cookie) in cookies.enumerated() {
            group.enter()
            Thread.detachNewThread {
                let connection = LoopbackConnection(port: port)
                var latencies: [Double] = []
                var failures = 0
                var turn = index
                while Date() < deadline {
                    let started = DispatchTime.now().uptimeNanoseconds
                    let reply = try? connection.request("GET", paths[turn % paths.count], headers: [("Cookie", "arbiter_session=\(cookie)")])
                    if reply?.status == 200 {
                        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
                    } else {
                        failures += 1
                    }
                    turn += 1
                }
                results.set(index, (latencies, failures))
                group.leave()
            }
        }
        group.wait()
        return results.values
    }
}

/// One result per thread, written once each under a lock.
final class ResultSlots<Value>: @unchecked Sendable {
    // Safe: every access to `slots` holds `lock`.
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
