import Foundation
import Imaging
import Synchronization

/// One picture per item of the level that the viewer's smallest levels are cut from, kept for every tile after it.
/// A slide without a level near a small Deep Zoom level (a single-level TIFF, say) would otherwise be read whole for
/// each tile of each small level; with this it is read once per item, and readers asking at once wait for that one
/// read instead of each making their own.
public final class ItemOverviews: Sendable {
    /// The longest side of a kept picture: the finest Deep Zoom level of the item within it.
    public static let longestSide = 1024

    /// One item's picture, made once, under its own lock: askers of one item wait for one read, other items' do not.
    final class Slot: Sendable {
        let picture = Mutex<Picture?>(nil)
    }

    /// The unturned pixels of Deep Zoom level `level` of an item, opaque RGBA.
    public struct Picture: Sendable {
        public let level: Int
        public let width: Int
        public let height: Int
        public let pixels: [UInt8]
    }

    let capacity: Int
    private let slots = Mutex<[String: Slot]>([:])

    public init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The picture kept under `key`, made by `make` the first time it is asked for.
    func picture(_ key: String, make: () throws -> Picture) throws -> Picture {
        let slot = slots.withLock { slots in
            if let slot = slots[key] { return slot }
            // Full: any one goes; an item whose picture is dropped is read again if asked for again.
            if slots.count >= capacity, let any = slots.keys.first { slots[any] = nil }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        return try slot.picture.withLock { kept in
            if let kept { return kept }
            let picture = try make()
            kept = picture
            return picture
        }
    }

    /// Pictures kept (for tests).
    public var count: Int {
        let kept = slots.withLock { Array($0.values) }
        return kept.filter { slot in slot.picture.withLock { $0 != nil } }.count
    }
}
