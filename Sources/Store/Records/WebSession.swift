import Foundation

/// A browser session opened from a token pasted once into the sign-in form. The cookie carries `id`; the store keeps
/// only its digest, so a copy of the database opens no session.
public struct WebSession: Sendable, Equatable {
    /// The cookie's value: 256 random bits, returned when the session opens and never again.
    public let id: String
    /// The session's form token: every form that changes something must carry it back.
    public let csrfToken: String
    public let identity: TokenIdentity
    public let expiresAt: Date

    public init(id: String, csrfToken: String, identity: TokenIdentity, expiresAt: Date) {
        self.id = id
        self.csrfToken = csrfToken
        self.identity = identity
        self.expiresAt = expiresAt
    }
}
