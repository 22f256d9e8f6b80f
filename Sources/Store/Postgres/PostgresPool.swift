import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The store's PostgresNIO client, replaced by a fresh one when a caller has waited `acquireTimeout` for a connection
/// in vain.
///
/// Why: after a PostgreSQL restart, PostgresNIO's pool (1.33) can stop opening connections while requests wait for
/// one, so every caller blocks forever (`scripts/reliability/postgres-cluster` found judges and scoring children
/// stuck for minutes with no socket open). A new client connects at once. The waiting request is abandoned and run
/// once more on the new client: its body had not started (and never will), so nothing of it reached the server. The old client is
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

    /// Runs `operation` on the current client; it must call `started` with its connection once it holds one, before it
    /// sends anything of its own. If that does not happen within `acquireTimeout`, the client is replaced and the operation
    /// run once more on the new one.
    func run<Value: Sendable>(
        _ operation: @escaping @Sendable (PostgresClient, _ started: @escaping @Sendable (PostgresConnection) throws -> Void) async throws -> Value
    ) async throws -> Value {
        let client = self.client
        do {
            return try await run(operation, on: client)
        } catch is ConnectionWaitTimedOut {
            replace(client)
        }
        do {
            return try await run(operation, on: self.client)
        } catch is ConnectionWaitTimedOut {
            throw PostgresStoreError(message: "no database connection within \(acquireTimeout)", sqlState: "08006", sql: "")
        }
    }

    /// The wait is abandoned, not cancelled and awaited: a request the stalled pool lost is never resumed, even by
    /// cancellation. `started` and the timeout exclude each other, so an abandoned operation never runs its body.
    private func run<Value: Sendable>(
        _ operation: @escaping @Sendable (PostgresClient, _ started: @escaping @Sendable (PostgresConnection) throws -> Void) async throws -> Value,
        on client: PostgresClient
    ) async throws -> Value {
        let phase = OperationPhase()
        let loop = bridge.group.next()
        let promise = loop.makePromise(of: Value.self)
        let task = Task(executorPreference: bridge.executor) {
            do {
                promise.succeed(try await operation(client) { connection in
                    guard phase.start() else { throw ConnectionWaitTimedOut() }
                    Self.failWhenClosed(connection, promise: promise, on: loop)
                })
            } catch {
                promise.fail(error)
            }
        }
        let timer = loop.scheduleTask(in: .nanoseconds(Int64(acquireTimeout / .nanoseconds(1)))) {
            guard phase.abandon() else { return }
            task.cancel()
            promise.fail(ConnectionWaitTimedOut())
        }
        defer { timer.cancel() }
        return try await promise.futureResult.get()
    }

    /// Fails `promise` if `connection` closes before the operation ends: a statement sent on a connection the server
    /// closed could wait for good (seen after a restart, with no socket left open). What the server did with it is
    /// then as unknown as after any lost connection; the caller hears of it instead of waiting.
    private static func failWhenClosed<Value>(_ connection: PostgresConnection, promise: EventLoopPromise<Value>, on loop: any EventLoop) {
        let watch = loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { task in
            guard connection.isClosed else { return }
            promise.fail(PostgresStoreError(message: "the connection closed while a statement was in flight", sqlState: "08006", sql: ""))
            task.cancel()
        }
        promise.futureResult.whenComplete { _ in watch.cancel() }
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

/// Whether an operation got its connection first or its wait was abandoned first; whichever comes second loses.
private final class OperationPhase: Sendable {
    private let value = Atomic<Int>(0)  // 0 waiting, 1 started, 2 abandoned

    func start() -> Bool { value.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged }
    func abandon() -> Bool { value.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing).exchanged }
}
