import Foundation

/// Browser sessions: what a page's cookie stands for. A session lasts until it expires, is ended by signing out, or
/// the token it was opened with is revoked.
public protocol SessionStore: Sendable {
    /// Opens a session for a valid token; nil for an unknown or revoked one.
    func openSession(token: String, now: Date, lifetime: TimeInterval) throws -> WebSession?
    /// The live session a cookie names (its `id` is the cookie's value); nil when unknown, expired, ended or revoked.
    func session(id: String, now: Date) throws -> WebSession?
    /// Ends a session; ending an unknown or ended one does nothing.
    func endSession(id: String, now: Date) throws
}
