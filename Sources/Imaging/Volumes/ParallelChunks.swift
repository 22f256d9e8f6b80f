import Dispatch
import Foundation

/// Splits an index range over the cores for element-wise loops inside synchronous APIs.
///
/// The conversions that use it are synchronous (callers decode files in their own tasks), so this
/// uses `concurrentPerform`, which returns only when every chunk is done: the parallelism stays
/// structured. Each chunk writes a disjoint index range, so the shared buffers never race.
enum ParallelChunks {
    /// Below this many elements one core is faster than the hand-off.
    static let minimumParallelCount = 1 << 20

    static func forEach(_ count: Int, _ body: (Range<Int>) -> Void) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= minimumParallelCount, cores > 1 else {
            body(0..<count)
            return
        }
        let chunks = cores * 4
        let size = (count + chunks - 1) / chunks
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * size
                if start < count { shared.value(start..<min(start + size, count)) }
            }
        }
    }
}

/// Carries a value into `concurrentPerform` chunks that use it on disjoint data (see `ParallelChunks`).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
