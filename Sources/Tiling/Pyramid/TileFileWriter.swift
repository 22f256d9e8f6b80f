import Dispatch
import Synchronization

/// Writes encoded tiles on a thread of its own, so creating and writing files (blocking system calls) overlaps
/// encoding instead of stalling the tasks that encode, as `vips dzsave` writes behind its workers. At most
/// `maxPending` tiles wait; past that an encoding task writes its tile itself.
final class TileFileWriter: Sendable {
    private struct State {
        var pending = 0
        var failure: TilingError?
    }

    static let maxPending = 256
    private let queue = DispatchQueue(label: "arbiter.tiling.tile-files")
    private let state = Mutex(State())

    func write(_ bytes: [UInt8], to path: String) throws {
        let queued = state.withLock { state -> Bool in
            guard state.pending < Self.maxPending else { return false }
            state.pending += 1
            return true
        }
        guard queued else { return try PyramidFolder.write(bytes, to: path) }
        queue.async { [self] in
            var failure: TilingError?
            do { try PyramidFolder.write(bytes, to: path) } catch { failure = error as? TilingError ?? TilingError(path: path, "\(error)") }
            state.withLock { state in
                state.pending -= 1
                if state.failure == nil { state.failure = failure }
            }
        }
    }

    /// Waits for every queued tile; throws the first write that failed.
    func finish() throws {
        queue.sync {}
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }
}
