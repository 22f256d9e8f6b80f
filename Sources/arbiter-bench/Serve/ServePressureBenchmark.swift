import ArgumentParser
import Foundation

/// `/healthz` latency of a real `arbiter serve` on loopback while pathological uploads are in flight: half the
/// clients send 5 MB multipart bodies of near-boundary dashes, half 4.9 MB single-line CSVs as dry runs. Stops by
/// itself after `--seconds` of load (the server is killed if a client is still stuck).
struct ServePressureBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-pressure",
        abstract: "/healthz p50/p99 of `arbiter serve` while pathological uploads (dash forms, single-line CSVs) are in flight.")

    @Option(help: "Concurrent upload clients, each with its own connection.") var uploads = 40
    @Option(help: "Teams the clients share (1: every upload from one token, as the worst team would).") var teams = 1
    @Option(help: "Seconds of load.") var seconds = 20.0
    @Option(help: "Seconds of /healthz probing before the load, for the idle baseline.") var baselineSeconds = 3.0
    @Option(help: "Milliseconds between two /healthz probes.") var probeInterval = 20.0
    @Option(help: "Loopback port.") var port = 18_474
    @Option(help: "The arbiter executable (default: next to this one).") var arbiter: String?

    func run() throws {
        let executable = arbiter ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("arbiter").path
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-pressure-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let setup = try PressureSetup.make(data: data, teams: max(1, teams))
        let server = try ServerProcess(executable: executable, data: data, port: port)
        try server.start()
        defer { server.kill() }
        print("\(uploads) upload clients over \(teams) team(s), \(seconds) s of load; probing /healthz every \(probeInterval) ms")
        let baseline = HealthProbe(port: UInt16(port), interval: probeInterval / 1000)
        baseline.run(until: Date().addingTimeInterval(baselineSeconds))
        print("idle:       " + baseline.summary)
        let deadline = Date().addingTimeInterval(seconds)
        let load = PathologicalUploads(port: UInt16(port), tokens: setup.tokens)
        let probe = HealthProbe(port: UInt16(port), interval: probeInterval / 1000)
        let finished = DispatchGroup()
        load.start(clients: uploads, until: deadline, group: finished)
        probe.run(until: deadline)
        // A client stuck in a request past the deadline is cut off with the server.
        if finished.wait(timeout: .now() + 30) == .timedOut { print("some uploads were still in flight 30 s after the deadline") }
        print("under load: " + probe.summary)
        print("uploads answered: " + load.summary)
    }
}
