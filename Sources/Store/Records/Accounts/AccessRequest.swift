import Foundation

/// An account's request to take part in a challenge whose organisers approve each participant.
public struct AccessRequest: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        case pending, approved, refused
    }

    public let accountID: Int64
    public let email: EmailAddress
    public let affiliation: String
    public let purpose: String
    public let state: State
    public let requestedAt: Date
    public let decidedAt: Date?

    public init(accountID: Int64, email: EmailAddress, affiliation: String, purpose: String, state: State, requestedAt: Date, decidedAt: Date?) {
        self.accountID = accountID
        self.email = email
        self.affiliation = affiliation
        self.purpose = purpose
        self.state = state
        self.requestedAt = requestedAt
        self.decidedAt = decidedAt
    }

    /// Affiliation and purpose are free text; this many bytes each at most.
    public static let maximumTextBytes = 2_000
}
