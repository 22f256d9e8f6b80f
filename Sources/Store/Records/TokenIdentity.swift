/// Who a bearer token belongs to.
public struct TokenIdentity: Sendable, Equatable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case organiser
        case team
        case annotator
        /// A person's own token, or the browser session of an account: what it reaches depends on the account's
        /// standing and team in each challenge.
        case participant
    }

    /// The token's id (`TokenRecord.id`): what a study binds a reader name to.
    public let tokenID: Int64
    public let role: Role
    /// The team, for team tokens.
    public let team: StoredTeam?
    /// The account, for participant tokens.
    public let account: AccountRef?

    public init(tokenID: Int64, role: Role, team: StoredTeam?, account: AccountRef? = nil) {
        self.tokenID = tokenID
        self.role = role
        self.team = team
        self.account = account
    }
}

/// An account as an identity names it: enough to look up its standing and to greet it.
public struct AccountRef: Sendable, Equatable, Hashable {
    public let id: Int64
    public let email: EmailAddress

    public init(id: Int64, email: EmailAddress) {
        self.id = id
        self.email = email
    }
}
