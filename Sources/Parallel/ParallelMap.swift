import Dispatch
import Foundation
import Synchronization

/// The one parallel map of the project: runs `body` once for every index in `0..<count` on up to `threads`
/// threads and returns the results in index order.
///
/// Both forms are structured (they return only when every started index is done), hand out indices in
/// order to whichever worker is free (jobs may differ a lot in cost), and stop handing out indices after
/// the first failure. When indices fail, the error thrown is the one of the lowest failing index, whatever
/// the timing: every index below a failing one has been started, so the choice does not depend on luck.
public enum ParallelMap {
    /// Cores this process may use (at least 1): the default number of threads.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Maps `0..<count` on up to `threads` threads, blocking the caller until all are done.
    ///
    /// For synchronous code (decoders, converters) that its callers already run in their own tasks.
    /// `body` may capture non-Sendable state (a buffer being filled) as long as different indices touch
    /// disjoint parts of it. With `threads <= 1` or `count <= 1` everything runs inline, in index order.
    public static func map<Value, Failure: Error>(
        count: Int, threads: Int = cores, _ body: (Int) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        let width = min(max(1, threads), count)
        guard width > 1 else {
            var values: [Value] = []
            values.reserveCapacity(max(0, count))
            for index in 0..<max(0, count) { values.append(try body(index)) }
            return values
        }
        let slots = ResultSlots<Value, Failure>(count: count)
        let cursor = IndexCursor(count: count)
        withoutActuallyEscaping(body) { body in
            let body = UncheckedBody(body)
            DispatchQueue.concurrentPerform(iterations: width) { _ in
                while let index = cursor.next() {
                    do throws(Failure) {
                        slots.store(index, .success(try body.call(index)))
                    } catch {
                        slots.store(index, .failure(error))
                        cursor.stop(after: index)
                    }
                }
            }
        }
        return try slots.values()
    }

    /// Maps `0..<count` in child tasks, at most `threads` at once; for async callers whose work is
    /// synchronous (scoring cases, reading files). Cancellation reaches `body` through its task
    /// (`Task.checkCancellation()`); a `CancellationError` it throws is a failure like any other.
    public static func mapInTasks<Value: Sendable>(
        count: Int, threads: Int = cores, _ body: @escaping @Sendable (Int) throws -> Value
    ) async throws -> [Value] {
        let width = min(max(1, threads), count)
        return try await withThrowingTaskGroup(of: (Int, Result<Value, any Error>).self) { group in
            var results = [Result<Value, any Error>?](repeating: nil, count: max(0, count))
            var next = 0, failed = false
            func start() {
                let index = next
                group.addTask { (index, Result { try body(index) }) }
                next += 1
            }
            while next < width { start() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if case .failure = result { failed = true }
                if !failed, next < count { start() }
            }
            return try results.prefix(next).map { try $0!.get() }
        }
    }
}
