import Foundation

/// Asks `/healthz` at a steady interval on one keep-alive connection and keeps each answer's latency.
final class HealthProbe {
    let port: UInt16
    let interval: Double
    private(set) var latencies: [Double] = []
    private(set) var failures = 0

    init(port: UInt16, interval: Double) {
        self.port = port
        self.interval = interval
    }

    func run(until deadline: Date) {
        let connection = LoopbackConnection(port: port)
        while Date() < deadline {
            let started = ContinuousClock.now
            if let reply = try? connection.request("GET", "/healthz"), reply.status == 200 {
                latencies.append(Stopwatch.seconds(ContinuousClock.now - started))
            } else {
                failures += 1
            }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    var summary: String {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted.percentileMilliseconds(p) }
        return String(format: "/healthz p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d probes (%d failed)",
                      percentile(0.5), percentile(0.99), (sorted.last ?? .nan) * 1000, sorted.count, failures)
    }
}

/// Clients that send pathological uploads back to back until the deadline, each on its own thread and connection,
/// and count the answers by status.
final class PathologicalUploads: @unchecked Sendable {
    let port: UInt16
    let tokens: [String]
    // Guards `statuses`; the clients run on plain threads of their own.
    private let lock = NSLock()
    private var statuses: [Int: Int] = [:]

    init(port: UInt16, tokens: [String]) {
        self.port = port
        self.tokens = tokens
    }

    func start(clients: Int, until deadline: Date, group: DispatchGroup) {
        for client in 0..<clients {
            group.enter()
            Thread.detachNewThread { [self] in
                send(client: client, until: deadline)
                group.leave()
            }
        }
    }

    private func send(client: Int, until deadline: Date) {
        let connection = LoopbackConnection(port: port)
        let token = tokens[client % tokens.count]
        let form = client % 2 == 0
        let path = "/api/v1/challenges/pressure/phases/open/submissions?file_name=p.csv" + (form ? "" : "&dry_run=true")
        let headers = [("Authorization", "Bearer \(token)"), ("Content-Type", form ? PressureSetup.dashForm.contentType : "text/csv")]
        let body = form ? PressureSetup.dashForm.body : PressureSetup.singleLineCSV
        while Date() < deadline {
            let status = (try? connection.request("POST", path, headers: headers, body: body).status) ?? 0
            lock.withLock { statuses[status, default: 0] += 1 }
        }
    }

    var summary: String {
        lock.withLock { statuses.sorted { $0.key < $1.key }.map { "\($0.key == 0 ? "no answer" : String($0.key)): \($0.value)" }.joined(separator: ", ") }
    }
}
