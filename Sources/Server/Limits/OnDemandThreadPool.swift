import NIOPosix
import Synchronization

/// Threads of a server's own for one kind of CPU-heavy work (uploads, passwords), started at the first piece of work
/// and stopped when the server is dropped. Started on demand because a process may hold many servers at once (the
/// test suite builds hundreds, in parallel), most of which never do that kind of work: with the threads started up
/// front, 270 idle servers held 1,600 threads, and a host with a lower thread limit ended the process.
final class OnDemandThreadPool: Sendable {
    let threads: Int
    private let pool = Mutex<NIOThreadPool?>(nil)

    init(threads: Int) {
        self.threads = max(1, threads)
    }

    deinit {
        pool.withLock { $0 }?.shutdownGracefully { _ in }
    }

    /// Runs `work` on one of the threads, starting them first if this is the first piece of work.
    func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        let started = pool.withLock { pool in
            if let pool { return pool }
            let started = NIOThreadPool(numberOfThreads: threads)
            started.start()
            pool = started
            return started
        }
        return try await started.runIfActive(work)
    }

    /// Whether the threads have been started (for tests).
    var hasStarted: Bool { pool.withLock { $0 != nil } }
}
