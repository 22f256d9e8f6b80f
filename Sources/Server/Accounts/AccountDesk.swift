import Foundation
import HTTPTypes
import Logging
import Mail
import Store

/// Signing up, signing in with a password, and the links mailed to confirm an address or choose a new password.
/// Nothing it answers tells whether an address has an account: signing up with a registered address mails its owner
/// instead, a reset for an unknown address mails no one, and a refused sign-in checks a decoy hash so it takes as long
/// as a real one. Sign-in attempts are limited per address and per account.
struct AccountDesk: Sendable {
    let store: any ArbiterStore
    let mail: any MailSender
    /// The site's address as a browser reaches it, for links in mails (`http://127.0.0.1:8080`).
    let publicURL: String
    let passwords: PasswordWork
    /// Sign-in attempts per peer address (shared with token sign-ins) and per account address.
    let perPeer: RateLimiter
    let perAccount: RateLimiter
    let logger: Logger

    static let verificationLifetime: TimeInterval = 48 * 3600
    static let resetLifetime: TimeInterval = 3600

    private func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await APIHandlers.blocking(work)
    }

    /// Creates the account and mails a verification link, or, for a registered address, mails its owner; the caller
    /// answers the same either way.
    func signUp(email: EmailAddress, password: String, now: Date) async throws {
        let hash = try await passwords.hash(password)
        let created = try await run { [store] in try store.createAccount(email: email, passwordHash: hash, now: now) }
        if let created {
            let link = try await run { [store] in
                try store.issueAccountLink(accountID: created.id, purpose: .verify, now: now, lifetime: Self.verificationLifetime)
            }
            await send(AccountMail.verification(to: email, link: "\(publicURL)/verify?link=\(link)"))
        } else {
            await send(AccountMail.alreadyRegistered(to: email, signIn: "\(publicURL)/sign-in", reset: "\(publicURL)/forgot-password"))
        }
    }

    /// Mails a new verification link to a signed-in account that is not yet verified.
    func resendVerification(_ account: AccountRef, now: Date) async throws {
        let link = try await run { [store] in
            try store.issueAccountLink(accountID: account.id, purpose: .verify, now: now, lifetime: Self.verificationLifetime)
        }
        await send(AccountMail.verification(to: account.email, link: "\(publicURL)/verify?link=\(link)"))
    }

    /// A session for the right password; nil for any other (wrong password, unknown address). Throws 429 past the
    /// limits, counted per peer and per address whether the address is registered or not.
    func signIn(email: EmailAddress, password: String, peer: String, now: Date, lifetime: TimeInterval) async throws -> WebSession? {
        for (limiter, key) in [(perPeer, "peer:\(peer)"), (perAccount, "account:\(email.key)")] {
            if let wait = await limiter.spend(1, key: key) {
                throw APIError.rateLimited("too many sign-in attempts", wait: wait)
            }
        }
        let account = try await run { [store] in try store.account(email: email) }
        let matches = try await passwords.verify(password, against: account?.passwordHash ?? PasswordWork.decoy)
        guard let account, matches else { return nil }
        return try await run { [store] in try store.openSession(accountID: account.id, now: now, lifetime: lifetime) }
    }

    /// Mails a reset link when the address has an account; does nothing otherwise.
    func requestReset(email: EmailAddress, now: Date) async throws {
        guard let account = try await run({ [store] in try store.account(email: email) }) else { return }
        let link = try await run { [store] in
            try store.issueAccountLink(accountID: account.id, purpose: .reset, now: now, lifetime: Self.resetLifetime)
        }
        await send(AccountMail.reset(to: account.email, link: "\(publicURL)/reset-password?link=\(link)"))
    }

    func resetPassword(link: String, password: String, now: Date) async throws -> StoredAccount? {
        let hash = try await passwords.hash(password)
        return try await run { [store] in try store.resetPassword(link: link, passwordHash: hash, now: now) }
    }

    func verify(link: String, now: Date) async throws -> StoredAccount? {
        try await run { [store] in try store.verifyAccount(link: link, now: now) }
    }

    /// Sends a mail; a failure is logged (without the link) and otherwise swallowed, so that whether a mail could be
    /// sent never shows whether an address has an account.
    private func send(_ message: MailMessage) async {
        do {
            try await mail.send(message)
        } catch {
            logger.error("mail not sent", metadata: ["subject": "\(message.subject)", "error": "\(error)"])
        }
    }
}
