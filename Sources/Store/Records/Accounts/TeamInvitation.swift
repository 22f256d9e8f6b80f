import Foundation

/// A link a team member hands to someone to join the team: single use, until it expires.
public struct TeamInvitation: Sendable, Equatable {
    public let team: StoredTeam
    public let invitedBy: EmailAddress
    public let expiresAt: Date

    /// How long an invitation works: a week.
    public static let lifetime: TimeInterval = 7 * 86_400
    /// What every invitation's link starts with (64 hex digits follow).
    static let linkPrefix = "inv_"

    /// A new invitation's link.
    static func newLink() -> String { RandomSecret.generate(prefix: linkPrefix) }

    /// Whether `link` has the form of an invitation's link (not whether one has it).
    public static func isWellFormed(link: String) -> Bool { RandomSecret.isWellFormed(link, prefix: linkPrefix) }

    /// The portal page that opens an invitation.
    public static func path(challenge: String, link: String) -> String {
        "/challenges/\(challenge)/team/join?invitation=\(link)"
    }

    public init(team: StoredTeam, invitedBy: EmailAddress, expiresAt: Date) {
        self.team = team
        self.invitedBy = invitedBy
        self.expiresAt = expiresAt
    }
}

/// What accepting an invitation did.
public enum TeamJoining: Sendable, Equatable {
    /// The account, in no team before, joined.
    case joined(StoredTeam)
    /// The account's team, all its members and submissions, merged into the inviting team.
    case merged(from: StoredTeam, into: StoredTeam)
}
