import Dispatch
import GRDB
import Synchronization

/// Runs the small write transactions of concurrent callers together, in one SQLite transaction: group commit.
///
/// SQLite has one writer, and with `synchronous = FULL` each commit waits for an fsync of the WAL. At hundreds of
/// uploads a second the callers spent most of their time queued behind one another's fsyncs (measured with `strace -f
/// -c` on `arbiter-bench serve`: 73% of syscall time in futex waits). Here the first caller to arrive leads: it takes
/// every write queued so far, runs each in its own savepoint (so one caller's refusal rolls back only its own
/// statements), commits once, and wakes every caller with its own outcome. Callers that arrived meanwhile wait for the
/// leader to hand over to one of them. A caller returns only after the transaction holding its write has committed,
/// so an acknowledged write is as durable as before.
final class GroupCommitWriter: Sendable {
    private let pool: DatabasePool
    private let maximumBatch: Int
    private let queue = Mutex(Queue())

    private struct Queue {
        var waiting: [any PendingWrite] = []
        var leading = false
    }

    init(pool: DatabasePool, maximumBatch: Int = 64) {
        self.pool = pool
        self.maximumBatch = maximumBatch
    }

    /// Runs `work` inside a savepoint of a shared write transaction and returns its value once that transaction has
    /// committed. Throws what `work` threw (its statements rolled back), or the commit's error.
    func write<Value: Sendable>(_ work: @escaping @Sendable (Database) throws -> Value) throws -> Value {
        let pending = Pending(work)
        let leads = queue.withLock { queue in
            queue.waiting.append(pending)
            guard !queue.leading else { return false }
            queue.leading = true
            return true
        }
        if leads { lead() }
        while pending.awaitTurn() == .lead { lead() }
        return try pending.outcome()
    }

    /// Commits the writes queued now (up to `maximumBatch`), then hands the lead to the oldest caller still waiting.
    private func lead() {
        let batch = queue.withLock { queue in
            let taken = Array(queue.waiting.prefix(maximumBatch))
            queue.waiting.removeFirst(taken.count)
            return taken
        }
        do {
            try pool.write { db in
                for pending in batch {
                    try db.inSavepoint {
                        pending.run(in: db)
                        return pending.succeeded ? .commit : .rollback
                    }
                }
            }
            for pending in batch { pending.finish(commitError: nil) }
        } catch {
            for pending in batch { pending.finish(commitError: error) }
        }
        let next = queue.withLock { queue -> (any PendingWrite)? in
            guard let oldest = queue.waiting.first else {
                queue.leading = false
                return nil
            }
            return oldest
        }
        next?.promote()
    }
}

/// What a waiting caller is woken for.
enum GroupCommitTurn {
    case done, lead
}

/// A queued write, of any result type.
private protocol PendingWrite: Sendable {
    var succeeded: Bool { get }
    func run(in db: Database)
    func finish(commitError: (any Error)?)
    func promote()
}

/// One caller's write: its work, its outcome, and the semaphore it sleeps on.
private final class Pending<Value: Sendable>: PendingWrite {
    private enum State {
        case queued
        case ran(Result<Value, any Error>)
        case finished(Result<Value, any Error>)
        case promoted
    }

    private let work: @Sendable (Database) throws -> Value
    private let state = Mutex(State.queued)
    private let wake = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable (Database) throws -> Value) {
        self.work = work
    }

    var succeeded: Bool {
        state.withLock { state in
            if case .ran(.success) = state { return true }
            return false
        }
    }

    func run(in db: Database) {
        let result = Result { try work(db) }
        state.withLock { $0 = .ran(result) }
    }

    /// A write that ran keeps its own error; one that succeeded, or never ran because the transaction failed first,
    /// takes the transaction's.
    func finish(commitError: (any Error)?) {
        state.withLock { state in
            switch (state, commitError) {
            case (.ran(.failure(let error)), _): state = .finished(.failure(error))
            case (.ran(let result), nil): state = .finished(result)
            case (_, let error?): state = .finished(.failure(error))
            case (_, nil): preconditionFailure("a group-committed write finished without running")
            }
        }
        wake.signal()
    }

    func promote() {
        state.withLock { $0 = .promoted }
        wake.signal()
    }

    /// Sleeps until this write is finished or its caller is to lead the next batch.
    func awaitTurn() -> GroupCommitTurn {
        wake.wait()
        return state.withLock { state in
            guard case .promoted = state else { return .done }
            state = .queued
            return .lead
        }
    }

    func outcome() throws -> Value {
        try state.withLock { state in
            guard case .finished(let result) = state else { preconditionFailure("a group-committed write read before it finished") }
            return result
        }.get()
    }
}
