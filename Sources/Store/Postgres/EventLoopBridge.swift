import NIOCore
import NIOPosix

/// Runs the PostgreSQL client's async calls for the store's synchronous protocols.
///
/// The store's protocols are synchronous, PostgresNIO is async. `run` starts the async work as a task whose executor
/// is the client's own event loops (`EventLoopTaskExecutor`), then blocks the calling thread until it completes.
///
/// Why blocking is safe here: the callers are plain threads or the cooperative pool's threads, never an event loop
/// (checked: calling from one is a programming error and stops the process). The work being waited for, and every
/// task it spawns (the pool's `run()` loop opening connections included), runs on the event loop threads, which are
/// separate from both. So a caller that blocks, even if it holds the last free thread of the cooperative pool, never
/// holds a thread the awaited work needs.
struct EventLoopBridge: Sendable {
    let group: any EventLoopGroup
    let executor: EventLoopTaskExecutor

    init(group: any EventLoopGroup) {
        self.group = group
        executor = EventLoopTaskExecutor(group: group)
    }

    /// Runs `operation` on the event loops and blocks until it returns or throws.
    func run<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
        precondition(
            MultiThreadedEventLoopGroup.currentEventLoop == nil,
            "PostgresStore was called on an event loop thread; call it from a task or a plain thread, never from NIO")
        let promise = group.next().makePromise(of: Value.self)
        Task(executorPreference: executor) {
            do { promise.succeed(try await operation()) } catch { promise.fail(error) }
        }
        return try promise.futureResult.wait()
    }

    /// Runs `operation` as `run` does, but stops waiting for it after `timeout`: it is cancelled and left to end on its
    /// own, its answer dropped. For work that may ignore cancellation, such as a single connection's handshake with a
    /// server that went away mid-way (seen hanging for good around a PostgreSQL restart).
    func run<Value: Sendable>(abandoningAfter timeout: Duration, _ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
        precondition(
            MultiThreadedEventLoopGroup.currentEventLoop == nil,
            "PostgresStore was called on an event loop thread; call it from a task or a plain thread, never from NIO")
        let loop = group.next()
        let promise = loop.makePromise(of: Value.self)
        let task = Task(executorPreference: executor) {
            do { promise.succeed(try await operation()) } catch { promise.fail(error) }
        }
        let (seconds, attoseconds) = timeout.components
        let timer = loop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
            task.cancel()
            promise.fail(PostgresStoreError(message: "no answer within \(timeout)", sqlState: "", sql: ""))
        }
        defer { timer.cancel() }
        return try promise.futureResult.wait()
    }

    /// Starts a long-running task (the client's `run()`) on the event loops.
    func detached(_ operation: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        Task.detached(executorPreference: executor, operation: operation)
    }
}

/// A `TaskExecutor` that runs Swift tasks on a NIO event loop group's threads rather than the cooperative pool.
final class EventLoopTaskExecutor: TaskExecutor {
    let group: any EventLoopGroup

    init(group: any EventLoopGroup) {
        self.group = group
    }

    /// On the loop that enqueues it when that is one of the group's (a query's answer resuming the task), so each
    /// await does not hop to another thread; the next loop otherwise.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        group.any().execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
