import Foundation
import Site
import Store

/// The static leaderboard served by the portal itself, so a challenge needs no second web server: the same files
/// `arbiter leaderboard build` writes, built into a private folder and rebuilt when results change. Each build goes
/// to a fresh folder, so a request never reads a half-written file; the build before the last is removed.
struct PortalSite: Sendable {
    let site: LeaderboardSite
    let root: URL
    let cache: RevisionCache<URL>

    init(site: LeaderboardSite, root: URL = FileManager.default.temporaryDirectory
            .appendingPathComponent("arbiter-portal-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")) {
        self.site = site
        self.root = root
        cache = RevisionCache(store: site.store)
    }

    /// The folder holding the challenge's current site.
    func folder(challenge slug: String, now: Date, rebuild: Bool = false) async throws -> URL {
        let (site, root) = (self.site, self.root)
        return try await cache.value(slug, now: now, rebuild: rebuild) {
            let parent = root.appendingPathComponent(slug)
            let folder = parent.appendingPathComponent(UUID().uuidString)
            try await site.build(challenge: slug, output: folder, now: now,
                                 humanBands: try StudySiteInputs.humanBands(store: site.store, challenge: slug))
            let older = (try? FileManager.default.contentsOfDirectory(at: parent, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
            let stale = older.filter { $0 != folder }.sorted { Self.modified($0) > Self.modified($1) }.dropFirst()
            for folder in stale { try? FileManager.default.removeItem(at: folder) }
            return folder
        }
    }

    private static func modified(_ url: URL) -> Date {
        (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
    }
}
