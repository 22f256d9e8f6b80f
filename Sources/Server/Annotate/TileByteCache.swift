import Synchronization

/// Encoded viewer tiles, kept by key up to a budget of bytes; the least recently used go first. Tiles are made from
/// slides when first asked for, and a reader panning back and forth asks for the same ones again.
final class TileByteCache: Sendable {
    struct Entry: Sendable {
        let bytes: [UInt8]
        /// A strong validator of the bytes (a prefix of their SHA-256), for `ETag`.
        let tag: String
    }

    let budget: Int
    private let state = Mutex<(entries: [String: (entry: Entry, used: UInt64)], bytes: Int, clock: UInt64)>(([:], 0, 0))

    init(budget: Int) {
        self.budget = budget
    }

    func entry(_ key: String) -> Entry? {
        state.withLock { state in
            guard let found = state.entries[key] else { return nil }
            state.clock += 1
            state.entries[key] = (found.entry, state.clock)
            return found.entry
        }
    }

    func keep(_ entry: Entry, for key: String) {
        guard entry.bytes.count <= budget else { return }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue((entry, state.clock), forKey: key) { state.bytes -= old.entry.bytes.count }
            state.bytes += entry.bytes.count
            guard state.bytes > budget else { return }
            // Down to three quarters of the budget at once, so that a full cache does not sort on every tile.
            for (key, value) in state.entries.sorted(by: { $0.value.used < $1.value.used }) {
                guard state.bytes > budget * 3 / 4 else { break }
                state.entries[key] = nil
                state.bytes -= value.entry.bytes.count
            }
        }
    }

    /// Bytes held (for tests and metrics).
    var bytes: Int { state.withLock { $0.bytes } }
}
