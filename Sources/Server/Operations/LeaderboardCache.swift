import Foundation
import Site
import Store

/// The public leaderboard JSON per challenge, rebuilt as `RevisionCache` decides.
struct LeaderboardCache: Sendable {
    let site: LeaderboardSite
    let cache: RevisionCache<String>

    init(site: LeaderboardSite, maximumAge: TimeInterval = 10) {
        self.site = site
        cache = RevisionCache(store: site.store, maximumAge: maximumAge)
    }

    func json(challenge: String, now: Date) async throws -> String {
        let site = self.site
        return try await cache.value(challenge, now: now) {
            try await site.json(challenge: challenge, now: now, humanBands: try StudySiteInputs.humanBands(store: site.store, challenge: challenge))
        }
    }
}
