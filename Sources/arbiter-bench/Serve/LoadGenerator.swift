import Foundation
import Scoring
import Store

/// Many clients uploading as fast as the servers answer, spread over them in turn, each on its own thread with a keep-alive connection.
final class LoadGenerator: @unchecked Sendable {
    struct Acknowledged {
        let id: Int64
        let sha256: String
    }

    struct Report {
        var acknowledged: [Acknowledged] = []
        var latencies: [Double] = []
        var refused = 0
        var unanswered = 0
    }

    struct RoundOutcome {
        let acknowledged: Int
        let refused: Int
        let unanswered: Int
        /// What the chaos closure returned (the restart time).
        let chaosSeconds: Double
    }

    /// The servers' ports; client i uploads to `ports[i % ports.count]`.
    let ports: [UInt16]
    let tokens: [String]
    /// Distinct prediction files with their digests, used in turn.
    let files: [(bytes: [UInt8], sha256: String)]
    private let lock = NSLock()
    private(set) var report = Report()
    private var chaosSeconds = 0.0

    convenience init(port: UInt16, setup: LoadSetup) {
        self.init(ports: [port], setup: setup)
    }

    init(ports: [UInt16], setup: LoadSetup) {
        self.ports = ports
        tokens = setup.tokens
        var random = SplitMix64(seed: 11)
        files = (0..<32).map { _ in
            let bytes = JudgeBenchmark.predictions(ids: setup.ids, labels: setup.labels, random: &random)
            return (bytes, ContentDigest.sha256(bytes))
        }
    }

    /// Runs every client for `seconds` while `chaos` runs beside them, and returns what this round added.
    func run(for seconds: Double, chaos: @escaping @Sendable () -> Double) -> RoundOutcome {
        let before = lock.withLock { (report.acknowledged.count, report.refused, report.unanswered) }
        let deadline = Date().addingTimeInterval(seconds)
        let group = DispatchGroup()
        for client in tokens.indices {
            group.enter()
            Thread.detachNewThread { [self] in
                upload(client: client, until: deadline)
                group.leave()
            }
        }
        group.enter()
        Thread.detachNewThread { [self] in
            let seconds = chaos()
            lock.withLock { chaosSeconds = seconds }
            group.leave()
        }
        group.wait()
        return lock.withLock {
            RoundOutcome(acknowledged: report.acknowledged.count - before.0, refused: report.refused - before.1,
                         unanswered: report.unanswered - before.2, chaosSeconds: chaosSeconds)
        }
    }

    private func upload(client: Int, until deadline: Date) {
        let connection = LoopbackConnection(port: ports[client % ports.count])
        let headers = [("Authorization", "Bearer \(tokens[client])"), ("Content-Type", "text/csv")]
        var turn = client
        while Date() < deadline {
            let file = files[turn % files.count]
            turn += 1
            let started = ContinuousClock.now
            do {
                let reply = try connection.request("POST", "/api/v1/challenges/load/phases/open/submissions?file_name=p.csv",
                                                   headers: headers, body: file.bytes)
                let elapsed = Stopwatch.seconds(ContinuousClock.now - started)
                if reply.status == 202, let object = try? JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any],
                   let id = object["id"] as? Int, object["sha256"] as? String == file.sha256 {
                    lock.withLock {
                        report.acknowledged.append(Acknowledged(id: Int64(id), sha256: file.sha256))
                        report.latencies.append(elapsed)
                    }
                } else {
                    lock.withLock { report.refused += 1 }
                }
            } catch {
                // The kill cut this request: it was never acknowledged, so it may or may not have been stored.
                lock.withLock { report.unanswered += 1 }
                Thread.sleep(forTimeInterval: 0.005)
            }
        }
    }
}
