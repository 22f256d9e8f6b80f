import Foundation
import PlatformSupport
import Store
import Testing

/// Accounts, the links mailed to them, their sessions and their own tokens, the same on every adapter.
@Suite("Store conformance: accounts")
struct AccountConformanceTests {
    static let ada = EmailAddress("Ada@Example.org")!

    @Test(arguments: StoreAdapter.all)
    func anAddressHasOneAccountWhateverItsCase(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let created = try #require(try platform.store.createAccount(email: Self.ada, passwordHash: "h1", now: platform.at(0)))
        #expect(try platform.store.createAccount(email: EmailAddress("ada@example.ORG")!, passwordHash: "h2", now: platform.at(1)) == nil)
        let found = try #require(try platform.store.account(email: EmailAddress("ADA@example.org")!))
        #expect(found == created)
        #expect(found.email.text == "Ada@Example.org" && found.passwordHash == "h1" && !found.isVerified)
    }

    @Test(arguments: StoreAdapter.all)
    func aVerificationLinkVerifiesOnceBeforeItExpires(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let account = try #require(try platform.store.createAccount(email: Self.ada, passwordHash: "h", now: platform.at(0)))
        let expired = try platform.store.issueAccountLink(accountID: account.id, purpose: .verify, now: platform.at(0), lifetime: 60)
        #expect(try platform.store.verifyAccount(link: expired, now: platform.at(60)) == nil)
        let link = try platform.store.issueAccountLink(accountID: account.id, purpose: .verify, now: platform.at(100), lifetime: 60)
        #expect(try platform.store.verifyAccount(link: link, now: platform.at(101))?.verifiedAt == platform.at(101))
        #expect(try platform.store.verifyAccount(link: link, now: platform.at(102)) == nil)
        #expect(try platform.store.account(id: account.id)?.isVerified == true)
    }

    @Test(arguments: StoreAdapter.all)
    func aNewLinkEndsTheEarlierOneOfItsPurpose(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let account = try #require(try platform.store.createAccount(email: Self.ada, passwordHash: "h", now: platform.at(0)))
        let first = try platform.store.issueAccountLink(accountID: account.id, purpose: .verify, now: platform.at(0), lifetime: 3600)
        let reset = try platform.store.issueAccountLink(accountID: account.id, purpose: .reset, now: platform.at(1), lifetime: 3600)
        _ = try platform.store.issueAccountLink(accountID: account.id, purpose: .verify, now: platform.at(2), lifetime: 3600)
        #expect(try platform.store.verifyAccount(link: first, now: platform.at(3)) == nil)
        #expect(try platform.store.verifyAccount(link: reset, now: platform.at(3)) == nil, "a reset link does not verify")
        #expect(try platform.store.resetPassword(link: reset, passwordHash: "new", now: platform.at(4)) != nil)
    }

    @Test(arguments: StoreAdapter.all)
    func anOrganiserConfirmsAnAddressByHandAndTheLogSaysWho(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let account = try #require(try platform.store.createAccount(email: Self.ada, passwordHash: "h", now: platform.at(0)))
        #expect(try platform.store.confirmAccount(id: account.id, now: platform.at(5)).verifiedAt == platform.at(5))
        #expect(try platform.store.confirmAccount(id: account.id, now: platform.at(9)).verifiedAt == platform.at(5), "the first time stays")
        let entry = try #require(try platform.store.auditLog().last)
        #expect(entry.action == "account.verified" && entry.actor == "organiser" && entry.subject == "ada@example.org")
        #expect(throws: StoreError.unknownAccount("#999")) { _ = try platform.store.confirmAccount(id: 999, now: platform.at(10)) }
    }

    @Test(arguments: StoreAdapter.all)
    func aResetSetsThePasswordAndEndsEverySession(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let account = try #require(try platform.store.createAccount(email: Self.ada, passwordHash: "old", now: platform.at(0)))
        let session = try platform.store.openSession(accountID: account.id, now: platform.at(1), lifetime: 3600)
        let api = try platform.store.issueAccountToken(accountID: account.id, label: "cli", now: platform.at(1))
        let link = try platform.store.issueAccountLink(accountID: account.id, purpose: .reset, now: platform.at(2), lifetime: 3600)
        let changed = try #require(try platform.store.resetPassword(link: link, passwordHash: "new", now: platform.at(3)))
        #expect(changed.passwordHash == "new" && changed.isVerified)
        #expect(try platform.store.session(id: session.id, now: platform.at(4)) == nil)
        #expect(try platform.store.authenticate(token: api.token) != nil, "the account's API tokens are its own to revoke")
        #expect(try platform.store.resetPassword(link: link, passwordHash: "again", now: platform.at(5)) == nil)
    }

    @Test(arguments: StoreAdapter.all)
    func anAccountSessionIsAParticipantNamingTheAccount(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let account = try #require(try platform.store.createAccount(email: Self.ada, passwordHash: "h", now: platform.at(0)))
        let session = try platform.store.openSession(accountID: account.id, now: platform.at(0), lifetime: 3600)
        let found = try #require(try platform.store.session(id: session.id, now: platform.at(1)))
        #expect(found.identity.role == .participant && found.identity.team == nil)
        #expect(found.identity.account == AccountRef(id: account.id, email: Self.ada))
        #expect(try platform.store.accountTokens(accountID: account.id).isEmpty, "a browser session is no token to list")
    }

    @Test(arguments: StoreAdapter.all)
    func anAccountRevokesOnlyItsOwnTokens(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let ada = try #require(try platform.store.createAccount(email: Self.ada, passwordHash: "h", now: platform.at(0)))
        let bob = try #require(try platform.store.createAccount(email: EmailAddress("bob@example.org")!, passwordHash: "h", now: platform.at(0)))
        let issued = try platform.store.issueAccountToken(accountID: ada.id, label: "laptop", now: platform.at(1))
        #expect(try platform.store.authenticate(token: issued.token)?.account?.id == ada.id)
        #expect(throws: StoreError.unknownToken(issued.record.id)) { try platform.store.revokeAccountToken(issued.record.id, accountID: bob.id, now: platform.at(2)) }
        let teamToken = try platform.store.issueToken(role: .organiser, now: platform.at(2))
        #expect(throws: StoreError.unknownToken(teamToken.record.id)) { try platform.store.revokeAccountToken(teamToken.record.id, accountID: ada.id, now: platform.at(2)) }
        try platform.store.revokeAccountToken(issued.record.id, accountID: ada.id, now: platform.at(3))
        #expect(try platform.store.authenticate(token: issued.token) == nil)
        #expect(try platform.store.accountTokens(accountID: ada.id).map(\.revokedAt) == [platform.at(3)])
        let actions = try platform.store.auditLog().filter { $0.actor == "account:ada@example.org" }.map(\.action)
        #expect(actions == ["account.created", "token.issued", "token.revoked"])
    }
}
