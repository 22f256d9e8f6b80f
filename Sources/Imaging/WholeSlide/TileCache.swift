import Synchronization

/// Decoded tiles of one slide, shared by every task reading it, bounded by a byte budget. When the budget is
/// exceeded the least recently used tiles go first (in batches, down to three quarters of the budget).
final class TileCache: Sendable {
    struct Key: Hashable, Sendable {
        var level: Int
        var tile: Int
    }

    private struct Entry {
        var pixels: [UInt8]
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    /// The most bytes of decoded pixels kept.
    let budget: Int
    private let state = Mutex(State())

    init(budget: Int) {
        self.budget = budget
    }

    func tile(_ key: Key) -> [UInt8]? {
        state.withLock { state in
            state.clock += 1
            guard var entry = state.entries[key] else { return nil }
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.pixels
        }
    }

    func insert(_ pixels: [UInt8], for key: Key) {
        guard pixels.count <= budget else { return }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue(Entry(pixels: pixels, lastUse: state.clock), forKey: key) {
                state.bytes -= old.pixels.count
            }
            state.bytes += pixels.count
            if state.bytes > budget { Self.evict(&state, downTo: budget / 4 * 3) }
        }
    }

    /// Bytes held now.
    var bytes: Int { state.withLock { $0.bytes } }

    private static func evict(_ state: inout State, downTo target: Int) {
        let oldestFirst = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }
        for (key, entry) in oldestFirst where state.bytes > target {
            state.entries[key] = nil
            state.bytes -= entry.pixels.count
        }
    }
}
