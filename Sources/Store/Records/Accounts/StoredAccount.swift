import Foundation

/// A person who signed up: known by an e-mail address, signed in with a password (kept only as a `PasswordHash`
/// string), verified once a link mailed to the address comes back.
public struct StoredAccount: Sendable, Equatable {
    public let id: Int64
    public let email: EmailAddress
    public let passwordHash: String
    public let createdAt: Date
    public let verifiedAt: Date?

    public init(id: Int64, email: EmailAddress, passwordHash: String, createdAt: Date, verifiedAt: Date?) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.verifiedAt = verifiedAt
    }

    public var isVerified: Bool { verifiedAt != nil }

    /// How the audit log names the account.
    public var auditActor: String { "account:\(email.key)" }
}
