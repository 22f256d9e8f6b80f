import Foundation
import Site
import Store

/// The public leaderboard JSON per challenge, rebuilt only when the store's leaderboard revision moves, since
/// a build runs the phase's bootstrap, or when the minute changes (a phase may have opened or closed).
actor LeaderboardCache {
    let site: LeaderboardSite
    private var built: [String: (revision: String, json: String)] = [:]

    init(site: LeaderboardSite) {
        self.site = site
    }

    func json(challenge: String, now: Date) async throws -> String {
        let revision = try site.store.leaderboardRevision() + "@" + String(Int(now.timeIntervalSince1970 / 60))
        if let cached = built[challenge], cached.revision == revision { return cached.json }
        let json = try await site.json(challenge: challenge, now: now)
        built[challenge] = (revision, json)
        return json
    }
}
