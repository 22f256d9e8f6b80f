import Foundation
import PlatformSupport
import Store
import Testing

/// A browser session stands for the token it was opened with, for as long as it lives and that token does.
@Suite("Store conformance: browser sessions")
struct SessionConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func sessionOpenedFromATeamTokenIsThatTeam(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let opened = try #require(try platform.store.openSession(token: try platform.addTeam("alpha"), now: platform.at(0), lifetime: 3600))
        let found = try #require(try platform.store.session(id: opened.id, now: platform.at(60)))
        #expect(found.identity.team?.name == "alpha")
        #expect(found.identity.role == .team)
        #expect(found.csrfToken == opened.csrfToken)
        #expect(found.expiresAt == platform.at(3600))
    }

    @Test(arguments: StoreAdapter.all)
    func unknownOrRevokedTokenOpensNoSession(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        #expect(try platform.store.openSession(token: "arb_" + String(repeating: "0", count: 64), now: platform.at(0), lifetime: 3600) == nil)
        let issued = try platform.store.issueToken(role: .organiser, now: platform.at(0))
        try platform.store.revokeToken(issued.record.id, now: platform.at(1))
        #expect(try platform.store.openSession(token: issued.token, now: platform.at(2), lifetime: 3600) == nil)
    }

    @Test(arguments: StoreAdapter.all)
    func sessionEndsWhenItExpires(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let opened = try #require(try platform.store.openSession(token: try platform.addTeam("alpha"), now: platform.at(0), lifetime: 3600))
        #expect(try platform.store.session(id: opened.id, now: platform.at(3599)) != nil)
        #expect(try platform.store.session(id: opened.id, now: platform.at(3600)) == nil)
    }

    @Test(arguments: StoreAdapter.all)
    func signingOutEndsOnlyThatSession(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let token = try platform.addTeam("alpha")
        let first = try #require(try platform.store.openSession(token: token, now: platform.at(0), lifetime: 3600))
        let second = try #require(try platform.store.openSession(token: token, now: platform.at(0), lifetime: 3600))
        try platform.store.endSession(id: first.id, now: platform.at(10))
        #expect(try platform.store.session(id: first.id, now: platform.at(11)) == nil)
        #expect(try platform.store.session(id: second.id, now: platform.at(11)) != nil)
        #expect(first.id != second.id && first.csrfToken != second.csrfToken)
    }

    @Test(arguments: StoreAdapter.all)
    func revokingTheTokenEndsItsSessions(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let issued = try platform.store.issueToken(role: .organiser, now: platform.at(0))
        let opened = try #require(try platform.store.openSession(token: issued.token, now: platform.at(0), lifetime: 3600))
        try platform.store.revokeToken(issued.record.id, now: platform.at(5))
        #expect(try platform.store.session(id: opened.id, now: platform.at(6)) == nil)
    }

    @Test(arguments: StoreAdapter.all)
    func sessionIdIsNotATokenNorTheReverse(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let token = try platform.addTeam("alpha")
        let opened = try #require(try platform.store.openSession(token: token, now: platform.at(0), lifetime: 3600))
        #expect(try platform.store.authenticate(token: opened.id) == nil)
        #expect(try platform.store.session(id: token, now: platform.at(1)) == nil)
    }
}

/// The README kept with a challenge: versioned by its digest, changed only when its text changes, and audited.
@Suite("Store conformance: challenge documents")
struct DocumentConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func documentIsStoredWithTheDigestOfItsText(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        #expect(try platform.store.document(.readme, challenge: "small") == nil)
        #expect(try platform.store.setDocument(.readme, markdown: "# Small\n", challenge: "small", now: platform.at(0)))
        let stored = try #require(try platform.store.document(.readme, challenge: "small"))
        #expect(stored.markdown == "# Small\n")
        #expect(stored.sha256 == ContentDigest.sha256(Array("# Small\n".utf8)))
    }

    @Test(arguments: StoreAdapter.all)
    func unchangedTextIsNotANewVersion(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        #expect(try platform.store.setDocument(.readme, markdown: "one", challenge: "small", now: platform.at(0)))
        #expect(try !platform.store.setDocument(.readme, markdown: "one", challenge: "small", now: platform.at(1)))
        #expect(try platform.store.setDocument(.readme, markdown: "two", challenge: "small", now: platform.at(2)))
        #expect(try platform.store.document(.readme, challenge: "small")?.markdown == "two")
        let updates = try platform.store.auditLog(challenge: "small").filter { $0.action == "document.updated" }
        #expect(updates.count == 2)
    }

    @Test(arguments: StoreAdapter.all)
    func documentOfAnUnknownChallengeIsRefused(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        #expect(throws: StoreError.self) { try platform.store.setDocument(.readme, markdown: "x", challenge: "nope", now: platform.at(0)) }
    }
}
