import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The store's PostgresNIO client, replaced by a fresh one when a caller has waited `acquireTimeout` for a connection
/// in vain.
///
/// Why: after a PostgreSQL restart, PostgresNIO's pool (1.33) can stop opening connections while requests wait for
/// one, so every caller blocks forever (`scripts/reliability/postgres-cluster` found judges and scoring children
/// stuck for minutes with no socket open). A new client connects at once. The waiting request is cancelled and run
/// once more on the new client: its body had not started, so nothing of it reached the server. The old client is
/// shut down after `retirementDelay`, so work it is still doing on other connections can finish.
final class PostgresPool: Sendable {
    private struct Generation: Sendable {
        let client: PostgresClient
        let running: Task<Void, Never>
    }

    let acquireTimeout: Duration
    static let retirementDelay: Duration = .seconds(60)
    private let current: Mutex<Generation>
    private let makeClient: @Sendable () -> PostgresClient
    private let bridge: EventLoopBridge
    private let logger: Logger

    init(bridge: EventLoopBridge, logger: Logger, acquireTimeout: Duration = .seconds(30), makeClient: @escaping @Sendable () -> PostgresClient) {
        self.bridge = bridge
        self.logger = logger
        self.acquireTimeout = acquireTimeout
        self.makeClient = makeClient
        current = Mutex(Self.start(makeClient(), bridge: bridge))
    }

    private static func start(_ client: PostgresClient, bridge: EventLoopBridge) -> Generation {
        Generation(client: client, running: bridge.detached { await client.run() })
    }

    /// The client in use now.
    var client: PostgresClient { current.withLock { $0.client } }

    /// Stops the client (closing its connections).
    func close() -> Task<Void, Never> {
        let running = current.withLock { $0.running }
        running.cancel()
        return running
    }

    /// Runs `operation` on the current client; `started` must be called once it holds a connection. If that does not
    /// happen within `acquireTimeout`, the client is replaced and the operation run once more on the new one.
    func run<Value: Sendable>(
        _ operation: @escaping @Sendable (PostgresClient, _ started: @escaping @Sendable () -> Void) async throws -> Value
    ) async throws -> Value {
        let client = self.client
        do {
            return try await run(operation, on: client)
        } catch is ConnectionWaitTimedOut {
            replace(client)
            return try await run(operation, on: self.client)
        }
    }

    private func run<Value: Sendable>(
        _ operation: @escaping @Sendable (PostgresClient, _ started: @escaping @Sendable () -> Void) async throws -> Value,
        on client: PostgresClient
    ) async throws -> Value {
        let started = StartedFlag()
        let timeout = acquireTimeout
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await operation(client) { started.set() } }
            group.addTask {
                try? await Task.sleep(for: timeout)
                if Task.isCancelled || started.isSet { return nil }
                throw ConnectionWaitTimedOut()
            }
            defer { group.cancelAll() }
            while let finished = try await group.next() {
                if let value = finished { return value }
            }
            throw CancellationError()
        }
    }

    /// Puts a new client in place of `stale` (unless another caller already did) and retires the old one.
    private func replace(_ stale: PostgresClient) {
        let retired: Task<Void, Never>? = current.withLock { generation in
            guard generation.client === stale else { return nil }
            let old = generation.running
            generation = Self.start(makeClient(), bridge: bridge)
            return old
        }
        guard let retired else { return }
        logger.warning("no database connection within \(acquireTimeout); replaced the connection pool")
        _ = bridge.detached {
            try? await Task.sleep(for: Self.retirementDelay)
            retired.cancel()
        }
    }
}

/// A caller waited `acquireTimeout` for a connection.
struct ConnectionWaitTimedOut: Error {}

/// Set once an operation holds its connection.
private final class StartedFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
