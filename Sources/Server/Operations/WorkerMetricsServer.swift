import Foundation
import Hummingbird
import Logging
import Store

/// `/metrics` for a stand-alone worker (`arbiter judge --watch --metrics-port`): the queue as the store sees it, as
/// every server shows it, plus what only this worker knows, its claims and how long they took.
public struct WorkerMetricsServer: Sendable {
    let metrics = ServerMetrics()
    let store: any ArbiterStore
    let host: String
    let port: Int
    let logger: Logger

    public init(store: any ArbiterStore, host: String = "0.0.0.0", port: Int, logger: Logger = Logger(label: "arbiter.worker-metrics")) {
        self.store = store
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// What the judge reports each claim to (`Judge.claimObserver`).
    public var claimObserver: @Sendable (_ seconds: Double, _ jobs: [ClaimedJob]) -> Void {
        let metrics = metrics
        return { seconds, jobs in metrics.claimFinished(seconds: seconds, jobs: jobs) }
    }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let router = Router()
        let (metrics, store) = (metrics, store)
        router.get("/metrics") { _, _ -> Response in
            let text = metrics.exposition(queue: try? store.queueStatistics(now: Date()))
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "arbiter-worker"),
                              logger: logger)
        try await app.runService(gracefulShutdownSignals: [])
    }
}
