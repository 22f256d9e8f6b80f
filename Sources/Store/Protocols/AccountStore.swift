import Foundation

/// Accounts people sign up for themselves, the single-use links mailed to them, their browser sessions and their own
/// API tokens. Passwords arrive already hashed (`PasswordHash`); links and tokens are returned once and only their
/// digests are kept.
public protocol AccountStore: Sendable {
    /// Creates an unverified account; nil when the address (compared lower-cased) already has one. Audited as
    /// `account.created`.
    func createAccount(email: EmailAddress, passwordHash: String, now: Date) throws -> StoredAccount?
    func account(email: EmailAddress) throws -> StoredAccount?
    func account(id: Int64) throws -> StoredAccount?
    /// Issues a single-use link for an account, valid for `lifetime`; earlier unused links of the same purpose stop
    /// working.
    func issueAccountLink(accountID: Int64, purpose: AccountLinkPurpose, now: Date, lifetime: TimeInterval) throws -> String
    /// Spends a verification link: the account is verified and returned; nil for a link that is unknown, spent,
    /// expired or of another purpose. Audited as `account.verified`.
    func verifyAccount(link: String, now: Date) throws -> StoredAccount?
    /// An organiser confirms an account's address by hand (`arbiter account verify`); `unknownAccount` for no such
    /// account. Audited as `account.verified` by `organiser`, so the log tells it from the account's own link.
    func confirmAccount(id: Int64, now: Date) throws -> StoredAccount
    /// Spends a reset link and sets the new password: every browser session and link of the account ends, and the
    /// account counts as verified (the link proved the address). Nil as for `verifyAccount`. Audited as
    /// `account.password-reset`.
    func resetPassword(link: String, passwordHash: String, now: Date) throws -> StoredAccount?
    /// Opens a browser session for an account whose password was checked.
    func openSession(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> WebSession
    /// Issues one of the account's own API tokens, returned once. Audited as `token.issued`.
    func issueAccountToken(accountID: Int64, label: String?, now: Date) throws -> (record: TokenRecord, token: String)
    /// The account's API tokens (not its browser sessions), oldest first.
    func accountTokens(accountID: Int64) throws -> [TokenRecord]
    /// Revokes one of the account's own API tokens; `unknownToken` for any other token. Audited as `token.revoked`.
    func revokeAccountToken(_ id: Int64, accountID: Int64, now: Date) throws
}
