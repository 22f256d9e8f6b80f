import Foundation

/// A token as an organiser may list it: who holds it and since when, never the secret.
public struct TokenRecord: Sendable, Equatable, Codable {
    public let id: Int64
    public let role: TokenIdentity.Role
    /// The team's name, for team tokens.
    public let team: String?
    public let label: String?
    public let createdAt: Date
    public let revokedAt: Date?
}
