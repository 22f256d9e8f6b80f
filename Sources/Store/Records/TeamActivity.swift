import Foundation

/// How much a team has submitted to a phase.
public struct TeamActivity: Sendable, Equatable {
    public let team: StoredTeam
    public let submissionCount: Int
    public let lastSubmittedAt: Date?
}
