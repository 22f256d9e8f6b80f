import Foundation
import HTTPTypes
import Mail
import Server
import Store
import Testing

/// Signing up, confirming the address, signing in with a password, and choosing a new one, through the pages and the
/// mails they send.
@Suite struct AccountFlowTests {
    static let password = "correct horse battery staple"

    /// Posts a form that has no session yet, with the form token its page would have set.
    static func preSession(_ server: TestServer, _ path: String, _ fields: [String: String], peer: String? = nil) async throws -> TestServer.Reply {
        try await server.post(path, session: nil, fields: fields, csrf: "form", headers: [.cookie: "arbiter_sign_in=form"])
    }

    @Test func signingUpMailsALinkThatConfirmsTheAddressOnce() async throws {
        let server = try await TestServer()
        let reply = try await Self.preSession(server, "/sign-up", ["email": "Ada@Example.org", "password": Self.password])
        #expect(reply.status == 200 && reply.text.contains("Check your mail"))
        let account = try #require(try server.store.account(email: EmailAddress("ada@example.org")!))
        #expect(!account.isVerified)
        #expect(try PasswordHash(text: account.passwordHash).verifies(Self.password))
        #expect(!account.passwordHash.contains(Self.password))
        let link = try #require(server.outbox.link(to: "Ada@Example.org", path: "/verify"))
        #expect(try await server.page(link).status == 200)
        #expect(try server.store.account(id: account.id)?.isVerified == true)
        #expect(try await server.page(link).status == 404, "a link works once")
    }

    @Test func signingUpWithARegisteredAddressAnswersTheSameAndMailsItsOwner() async throws {
        let server = try await TestServer()
        let first = try await Self.preSession(server, "/sign-up", ["email": "ada@example.org", "password": Self.password])
        let second = try await Self.preSession(server, "/sign-up", ["email": "ADA@example.org", "password": "another long password"])
        #expect(first.status == second.status)
        #expect(first.text.replacingOccurrences(of: "ada@", with: "ADA@") == second.text)
        #expect(server.outbox.messages.map(\.subject) == ["Confirm your e-mail address for Arbiter", "You already have an Arbiter account"])
        #expect(try PasswordHash(text: try #require(try server.store.account(email: EmailAddress("ada@example.org")!)).passwordHash).verifies(Self.password))
    }

    @Test func aShortPasswordOrAMalformedAddressIsRefusedWithTheReason() async throws {
        let server = try await TestServer()
        let short = try await Self.preSession(server, "/sign-up", ["email": "ada@example.org", "password": "short"])
        #expect(short.status == 422 && short.text.contains("at least 10 characters"))
        let malformed = try await Self.preSession(server, "/sign-up", ["email": "ada.example.org", "password": Self.password])
        #expect(malformed.status == 422 && malformed.text.contains("is not an e-mail address"))
        #expect(server.outbox.messages.isEmpty)
    }

    @Test func signUpWithoutItsFormTokenIsRefused() async throws {
        let server = try await TestServer()
        let reply = try await server.post("/sign-up", session: nil, fields: ["email": "ada@example.org", "password": Self.password], csrf: "forged")
        #expect(reply.status == 403)
        #expect(try server.store.account(email: EmailAddress("ada@example.org")!) == nil)
    }

    @Test func signingInWithThePasswordOpensAnAccountSession() async throws {
        let server = try await TestServer()
        _ = try await Self.preSession(server, "/sign-up", ["email": "ada@example.org", "password": Self.password])
        let reply = try await Self.preSession(server, "/sign-in", ["email": "ada@example.org", "password": Self.password])
        #expect(reply.status == 303 && reply.headers[.location] == "/account")
        let cookie = try #require(reply.headers[values: .setCookie].first { $0.hasPrefix("arbiter_session=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let id = String(cookie.dropFirst("arbiter_session=".count).prefix { $0 != ";" })
        let account = try await server.page("/account", headers: [.cookie: "arbiter_session=\(id)"])
        #expect(account.status == 200 && account.text.contains("ada@example.org") && account.text.contains("not confirmed yet"))
    }

    @Test func aWrongPasswordAndAnUnknownAddressAreRefusedInTheSameWords() async throws {
        let server = try await TestServer()
        _ = try await Self.preSession(server, "/sign-up", ["email": "ada@example.org", "password": Self.password])
        let wrong = try await Self.preSession(server, "/sign-in", ["email": "ada@example.org", "password": "not the password"])
        let unknown = try await Self.preSession(server, "/sign-in", ["email": "bob@example.org", "password": "not the password"])
        #expect(wrong.status == 401 && unknown.status == 401)
        let strip = { (text: String) in
            text.replacingOccurrences(of: #"value="[0-9a-f]{64}""#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "bob@", with: "ada@")
        }
        #expect(strip(wrong.text) == strip(unknown.text))
    }

    @Test func signInsToOneAccountAreLimitedFromAnyAddress() async throws {
        var configuration = TestServer.defaultConfiguration
        // One a week after the burst: four sign-ins, each a full scrypt, may take over a minute on a loaded machine,
        // and at one a minute the bucket would refill meanwhile.
        configuration.accountSignInsPerMinute = 1.0 / (7 * 24 * 60)
        configuration.signInBurst = 3
        configuration.signInsPerMinute = 1_000
        let server = try await TestServer(configuration: configuration)
        var statuses: [Int] = []
        for _ in 0..<4 {
            statuses.append(try await Self.preSession(server, "/sign-in", ["email": "nobody@example.org", "password": "guess number one"]).status)
        }
        #expect(statuses == [401, 401, 401, 429])
    }

    @Test func aResetLinkSetsANewPasswordAndEndsTheOtherSessions() async throws {
        let server = try await TestServer()
        _ = try await Self.preSession(server, "/sign-up", ["email": "ada@example.org", "password": Self.password])
        let account = try #require(try server.store.account(email: EmailAddress("ada@example.org")!))
        let before = try server.store.openSession(accountID: account.id, now: TestServer.now, lifetime: 3600)
        #expect(try await Self.preSession(server, "/forgot-password", ["email": "ada@example.org"]).status == 200)
        let link = try #require(server.outbox.link(to: "ada@example.org", path: "/reset-password"))
        let code = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "link" }?.value)
        let reset = try await Self.preSession(server, "/reset-password", ["link": code, "password": "a brand new passphrase"])
        #expect(reset.status == 303 && reset.headers[.location] == "/sign-in?changed=1")
        #expect(try server.store.session(id: before.id, now: TestServer.now) == nil)
        #expect(try await Self.preSession(server, "/sign-in", ["email": "ada@example.org", "password": "a brand new passphrase"]).status == 303)
        #expect(try await Self.preSession(server, "/sign-in", ["email": "ada@example.org", "password": Self.password]).status == 401)
    }

    @Test func aResetForAnUnknownAddressMailsNoOneAndAnswersTheSame() async throws {
        let server = try await TestServer()
        _ = try await Self.preSession(server, "/sign-up", ["email": "ada@example.org", "password": Self.password])
        let known = try await Self.preSession(server, "/forgot-password", ["email": "ada@example.org"])
        let unknown = try await Self.preSession(server, "/forgot-password", ["email": "bob@example.org"])
        #expect(known.status == unknown.status && known.text == unknown.text)
        #expect(server.outbox.messages.filter { $0.to == "bob@example.org" }.isEmpty)
    }

    @Test func anAccountMakesAndRevokesItsOwnTokensShowingEachOnce() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let session = try server.session(account: accounts.member)
        let made = try await server.post("/account/tokens", session: session, fields: ["label": "laptop"])
        let token = try #require(made.text.firstMatch(of: /arb_[0-9a-f]{64}/).map { String($0.0) })
        #expect(try await server.send(.get, "/api/v1/me", token: token).object["role"] as? String == "participant")
        let page = try await server.page("/account", session: session)
        #expect(page.text.contains("laptop") && !page.text.contains(token))
        let id = try #require(try server.store.accountTokens(accountID: accounts.member.id).last?.id)
        #expect(try await server.post("/account/tokens/\(id)/revoke", session: session).status == 303)
        #expect(try await server.send(.get, "/api/v1/me", token: token).status == 401)
    }
}
