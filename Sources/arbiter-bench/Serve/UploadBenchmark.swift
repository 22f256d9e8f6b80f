import ArgumentParser
import Foundation
import Store

/// Upload throughput of one or more `arbiter serve` processes on one store: clients upload as fast as the servers
/// answer (spread over the servers in turn), nothing is killed; afterwards every acknowledged upload must be queued.
/// `scripts/bench/postgres` compares two servers on one PostgreSQL database with one server on SQLite.
struct UploadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uploads", abstract: "Upload throughput of N `arbiter serve` processes sharing one store.")

    @Option(help: "The store: postgres://USER:PASSWORD@HOST:PORT/DB (a fresh schema is made in it) or sqlite://PATH; default a fresh SQLite store.")
    var database: String?
    @Option(help: "Servers sharing the store, on consecutive ports from --port.") var servers = 1
    @Option(help: "Concurrent clients (one team each).") var clients = 16
    @Option(help: "Seconds of load.") var seconds = 10.0
    @Option(help: "Rows (cases) per uploaded CSV.") var rows = 1500
    @Option(help: "Loopback port of the first server.") var port = 18_573
    @Option(help: "The arbiter executable (default: next to this one).") var arbiter: String?

    func validate() throws {
        guard servers > 0 else { throw ValidationError("--servers must be at least 1, got \(servers)") }
        guard clients > 0 else { throw ValidationError("--clients must be at least 1, got \(clients)") }
    }

    func run() async throws {
        let executable = arbiter ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arbiter").path
        let database = BenchDatabase(database, label: "uploads")
        defer { database.removeFiles() }
        let setup = try LoadSetup.make(data: database.directory, teams: clients, rows: rows, database: database.url)
        // One after the other: the first makes the data directory's keys, the next finds them.
        let processes = try (0..<servers).map { index in
            let server = try ServerProcess(executable: executable, data: database.directory, port: port + index, database: database.url)
            try server.start()
            return server
        }
        defer { for server in processes { server.stop() } }
        let load = LoadGenerator(ports: (0..<servers).map { UInt16(port + $0) }, setup: setup)
        let outcome = load.run(for: seconds) { 0 }
        let queued = try database.open().pendingJobCount()
        let report = load.report
        guard queued == report.acknowledged.count else {
            throw ServeBenchError("\(report.acknowledged.count) uploads were acknowledged but \(queued) jobs are queued")
        }
        let latencies = report.latencies.sorted()
        func percentile(_ p: Double) -> Double { latencies.percentileMilliseconds(p) }
        print("uploads: \(database.engine), \(servers) servers, \(clients) clients, \(setup.sampleBytes)-byte CSVs: "
              + String(format: "%d acknowledged in %.1f s: %.0f per second; p50 %.1f ms, p99 %.1f ms; %d refused, %d unanswered",
                       outcome.acknowledged, seconds, Double(outcome.acknowledged) / seconds, percentile(0.5), percentile(0.99),
                       outcome.refused, outcome.unanswered))
    }
}
