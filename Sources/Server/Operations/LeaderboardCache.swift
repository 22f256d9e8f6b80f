import Foundation
import Site
import Store

/// The public leaderboard JSON per challenge. A build runs each phase's bootstrap, and near a deadline every upload
/// changes the board (its submission counts), so a build is reused for up to `maximumAge` when only results moved on;
/// a change of what may be shown (publication, truth, spec, an override) always rebuilds. Concurrent requests share
/// one build in flight instead of each starting their own.
actor LeaderboardCache {
    let site: LeaderboardSite
    let maximumAge: TimeInterval
    private var built: [String: (revision: String, visibility: String, builtAt: Date, json: String)] = [:]
    private var building: [String: Task<String, any Error>] = [:]

    init(site: LeaderboardSite, maximumAge: TimeInterval = 10) {
        self.site = site
        self.maximumAge = maximumAge
    }

    func json(challenge: String, now: Date) async throws -> String {
        // The minute is part of the revision: a phase opens and closes by the clock, not by a write.
        let revision = try site.store.leaderboardRevision() + "@" + String(Int(now.timeIntervalSince1970 / 60))
        let visibility = try site.store.visibilityRevision()
        if let cached = built[challenge], cached.visibility == visibility,
           cached.revision == revision || now.timeIntervalSince(cached.builtAt) < maximumAge {
            return cached.json
        }
        if let inFlight = building[challenge] { return try await inFlight.value }
        let site = self.site
        let task = Task { try await site.json(challenge: challenge, now: now) }
        building[challenge] = task
        defer { building[challenge] = nil }
        let json = try await task.value
        built[challenge] = (revision, visibility, now, json)
        return json
    }
}
