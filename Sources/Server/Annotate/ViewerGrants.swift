import Foundation
import Synchronization

/// A short memory of which viewer item a caller may see through which path (a reader's ordinal, an adjudicator's
/// dispute), so that the dozens of tiles one view asks for check the study once, not once each. The session is still
/// checked on every request, so signing out or a revoked token ends access at once; a change of the study itself
/// (a reader removed, a dispute decided) reaches the tiles within `lifetime`.
final class ViewerGrants: Sendable {
    let lifetime: TimeInterval
    let capacity: Int
    private let granted = Mutex<[String: (item: APIHandlers.ViewerItem, until: Date)]>([:])

    init(lifetime: TimeInterval = 5, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The item granted to `key` (who and which path), while its grant lasts.
    func item(_ key: String, now: Date) -> APIHandlers.ViewerItem? {
        granted.withLock { granted in
            guard let grant = granted[key] else { return nil }
            guard grant.until > now else {
                granted[key] = nil
                return nil
            }
            return grant.item
        }
    }

    func grant(_ item: APIHandlers.ViewerItem, to key: String, now: Date) {
        granted.withLock { granted in
            // Full: the lapsed grants go; if none has lapsed, all go (a burst of that many callers is the worst case).
            if granted.count >= capacity {
                granted = granted.filter { $0.value.until > now }
                if granted.count >= capacity { granted.removeAll() }
            }
            granted[key] = (item, now.addingTimeInterval(lifetime))
        }
    }
}
