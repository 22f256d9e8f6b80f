import Foundation
import Store

/// Something built from the store per challenge (the leaderboard's JSON, the portal's copy of the static site), kept
/// until the store changes. A build runs each phase's bootstrap, and near a deadline every upload changes the board
/// (its submission counts), so a build is reused for up to `maximumAge` when only results moved on; a change of what
/// may be shown (publication, truth, spec, an override) always rebuilds. Concurrent requests share one build in
/// flight instead of each starting their own.
actor RevisionCache<Value: Sendable> {
    let store: any ArbiterStore
    let maximumAge: TimeInterval
    private var built: [String: (revision: String, visibility: String, builtAt: Date, value: Value)] = [:]
    private var building: [String: Task<Value, any Error>] = [:]

    init(store: any ArbiterStore, maximumAge: TimeInterval = 10) {
        self.store = store
        self.maximumAge = maximumAge
    }

    /// The value for `key`, built by `build` when missing or stale; `rebuild` forces a new build.
    func value(_ key: String, now: Date, rebuild: Bool = false, build: @escaping @Sendable () async throws -> Value) async throws -> Value {
        // The minute is part of the revision: a phase opens and closes by the clock, not by a write.
        let revision = try store.leaderboardRevision() + "@" + String(Int(now.timeIntervalSince1970 / 60))
        let visibility = try store.visibilityRevision()
        if !rebuild, let cached = built[key], cached.visibility == visibility,
           cached.revision == revision || now.timeIntervalSince(cached.builtAt) < maximumAge {
            return cached.value
        }
        if let inFlight = building[key] { return try await inFlight.value }
        let task = Task { try await build() }
        building[key] = task
        defer { building[key] = nil }
        let value = try await task.value
        built[key] = (revision, visibility, now, value)
        return value
    }
}
