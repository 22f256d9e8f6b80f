import Challenge
import Foundation
import Store

/// What anyone may know about a phase: its window, its limits, whether its private split is published.
struct PhaseView: Codable, Sendable {
    let slug: String
    let title: String
    let opens: Date
    let closes: Date
    /// `upcoming`, `open`, `closed` or `published`.
    let status: String
    let acceptsSubmissions: Bool
    /// `open` or `closed` when an organiser overrode the schedule.
    let override: String?
    let publicSplit: String
    let hasPrivateSplit: Bool
    let published: Bool
    let limits: Limits
    let submissionsURL: String

    struct Limits: Codable, Sendable {
        let maxFileBytes: Int
        let perPeriod: Int?
        let periodSeconds: Int?
        let total: Int?
    }

    init(_ phase: StoredPhase, challenge: String, now: Date) {
        let spec = phase.spec
        slug = spec.slug
        title = spec.title
        opens = spec.opens
        closes = spec.closes
        acceptsSubmissions = phase.acceptsSubmissions(at: now)
        status = phase.isPublished ? "published" : acceptsSubmissions ? "open" : now < spec.opens ? "upcoming" : "closed"
        override = phase.availability?.rawValue
        publicSplit = spec.publicSplit.rawValue
        hasPrivateSplit = spec.privateSplit != nil
        published = phase.isPublished
        limits = Limits(maxFileBytes: spec.uploadByteLimit, perPeriod: spec.limits.perPeriod,
                        periodSeconds: spec.limits.periodSeconds, total: spec.limits.total)
        submissionsURL = "/api/v1/challenges/\(challenge)/phases/\(spec.slug)/submissions"
    }
}
