import Foundation

/// An account in a team, from when it joined.
public struct TeamMember: Sendable, Equatable {
    public let accountID: Int64
    public let email: EmailAddress
    public let team: StoredTeam
    public let joinedAt: Date

    public init(accountID: Int64, email: EmailAddress, team: StoredTeam, joinedAt: Date) {
        self.accountID = accountID
        self.email = email
        self.team = team
        self.joinedAt = joinedAt
    }
}
