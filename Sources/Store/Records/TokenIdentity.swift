/// Who a bearer token belongs to.
public struct TokenIdentity: Sendable, Equatable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case organiser
        case team
        case annotator
    }

    public let role: Role
    /// The team, for team tokens.
    public let team: StoredTeam?
}
