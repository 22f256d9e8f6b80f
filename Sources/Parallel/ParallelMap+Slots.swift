import Synchronization

/// The next index to hand out, shared by the workers of `ParallelMap.map`.
final class IndexCursor: Sendable {
    private let state: Mutex<(next: Int, end: Int)>

    init(count: Int) { state = Mutex((0, count)) }

    /// The next index not yet handed out, or nil when all are out (or a failure stopped the run).
    func next() -> Int? {
        state.withLock { state in
            guard state.next < state.end else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    /// Hands out no index above `index` (every index below it has already been handed out).
    func stop(after index: Int) {
        state.withLock { $0.end = min($0.end, index + 1) }
    }
}

/// One result slot per index of `ParallelMap.map`.
///
/// `@unchecked Sendable` is safe because each slot is written by the one worker that took its index from
/// `IndexCursor` (which hands out each index once) and read only after `concurrentPerform` has returned,
/// so no slot is ever touched by two threads at once.
final class ResultSlots<Value, Failure: Error>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Result<Value, Failure>?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }

    func store(_ index: Int, _ result: Result<Value, Failure>) { storage[index] = result }

    /// The values in index order, or the error of the lowest failing index. Slots after a failure may be empty.
    func values() throws(Failure) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(storage.count)
        for slot in storage {
            guard let slot else { preconditionFailure("ParallelMap: an index below the first failure was not run") }
            values.append(try slot.get())
        }
        return values
    }
}

/// The caller's closure, carried into the `concurrentPerform` workers of `ParallelMap.map`.
///
/// `@unchecked Sendable` is safe because `map` documents that `body` may be called concurrently for
/// different indices and must only touch disjoint state for them, and the closure never outlives the call:
/// `concurrentPerform` returns only when every worker has finished (`withoutActuallyEscaping` checks it).
struct UncheckedBody<Value, Failure: Error>: @unchecked Sendable {
    let call: (Int) throws(Failure) -> Value
    init(_ call: @escaping (Int) throws(Failure) -> Value) { self.call = call }
}
