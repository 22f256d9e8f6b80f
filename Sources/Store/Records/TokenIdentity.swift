/// Who a bearer token belongs to.
public struct TokenIdentity: Sendable, Equatable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case organiser
        case team
        case annotator
    }

    /// The token's id (`TokenRecord.id`): what a study binds a reader name to.
    public let tokenID: Int64
    public let role: Role
    /// The team, for team tokens.
    public let team: StoredTeam?
}
