import Foundation
import Logging
import Server
import Store

/// The demo's API server for its reader study: the real server on a free port of 127.0.0.1, running for as long as
/// the readers work, then stopped the way SIGTERM stops it.
enum DemoStudySession {
    /// What the readers did.
    struct Tally: Sendable {
        var reads = 0
        var pictures = 0
        var pictureBytes = 0
        var decisions = 0

        mutating func add(_ other: Tally) {
            reads += other.reads
            pictures += other.pictures
            pictureBytes += other.pictureBytes
            decisions += other.decisions
        }
    }

    /// No port was bound: the server stopped before it listened.
    struct NotListening: Error, CustomStringConvertible {
        var description: String { "the demo's API server stopped before it listened on 127.0.0.1" }
    }

    /// Runs `work` with the server's base URL while the server runs; the server stops once `work` ends either way.
    static func serving<Value: Sendable>(
        store: any ArbiterStore, assets: URL, clock: DemoClock, _ work: @escaping @Sendable (URL) async throws -> Value
    ) async throws -> Value {
        // Local readers only, and many requests per token in a burst: the rate limits are for the open internet.
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, requestsPerSecond: 10_000, requestBurst: 10_000, runsJudge: false)
        var logger = Logger(label: "arbiter.demo-server")
        logger.logLevel = .warning
        let server = try ArbiterServer(store: store, configuration: configuration, leaderboardAssets: assets, logger: logger,
                                       clock: { clock.tick() })
        let stop = ServerStop()
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                defer { listening.finish() }
                try await server.run(stop: stop) { listening.yield($0) }
                return nil
            }
            var port: Int?
            for await bound in ports {
                port = bound
                break
            }
            guard let port, let base = URL(string: "http://127.0.0.1:\(port)") else {
                try await group.waitForAll()
                throw NotListening()
            }
            let outcome: Result<Value, any Error>
            do { outcome = .success(try await work(base)) } catch { outcome = .failure(error) }
            stop.trigger()
            try await group.waitForAll()
            return try outcome.get()
        }
    }
}
