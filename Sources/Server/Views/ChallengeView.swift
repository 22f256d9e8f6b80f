import Challenge
import Foundation
import Store

/// A challenge's public description: its task, metrics and phases; never its truth or its truth's version.
struct ChallengeView: Codable, Sendable {
    let slug: String
    let title: String
    let task: String
    let primaryMetric: String
    let metrics: [String]
    let phases: [PhaseView]
    let leaderboardURL: String

    init(_ challenge: StoredChallenge, phases: [StoredPhase], now: Date) {
        let spec = challenge.spec
        slug = spec.slug
        title = spec.title
        task = spec.task.kind.rawValue
        primaryMetric = spec.primaryColumn.key
        metrics = spec.resultColumns.map(\.key)
        self.phases = phases.map { PhaseView($0, challenge: spec.slug, now: now) }
        leaderboardURL = "/api/v1/challenges/\(spec.slug)/leaderboard"
    }
}
