import Foundation
import HTTPTypes
import Server
import Store
import Testing

/// What keeps the portal's sessions safe: CSRF tokens on changing forms, cookies and bearer tokens kept apart,
/// sign-in that reveals nothing and cannot be hammered, sign-out that ends the session, tokens shown once.
@Suite struct PageSecurityTests {
    @Test(arguments: Page.allCases.filter { $0.changesSomething && $0 != .signIn && $0 != .upload })
    func formWithoutTheSessionsCSRFTokenIsRefused(page: Page) async throws {
        let server = try await TestServer()
        try PageAccessTests.bindAnnotatorToAStudy(server)
        let accounts = try server.addAccounts()
        let session = page.audience == .account ? try server.session(account: accounts.member)
            : try server.session(page.audience == .team ? server.alpha : page.audience == .annotator ? server.annotator : server.organiser)
        let path = page.path.replacingOccurrences(of: "{challenge}", with: "tiny").replacingOccurrences(of: "{phase}", with: "final")
            .replacingOccurrences(of: "{team}", with: "alpha").replacingOccurrences(of: "{action}", with: "close")
            .replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{study}", with: "grading")
            .replacingOccurrences(of: "{ordinal}", with: "0")
        for csrf in ["", "forged", try server.session(server.organiser).csrf] {
            let reply = try await server.post(path, session: session, fields: ["name": "mallory", "confirm": "final", "label": "1"], csrf: csrf)
            #expect(reply.status == 403, "\(path) with csrf \"\(csrf)\": \(reply.status)")
            #expect(reply.text.contains("did not come from this site"))
        }
        #expect(try server.store.phase(try server.store.challenge("tiny"), "final").availability == nil)
        #expect(try server.store.teams(challenge: try server.store.challenge("tiny")).map(\.name) == ["alpha", "bravo", "delta"])
        #expect(try server.store.accountTokens(accountID: accounts.member.id).count == 1)
        #expect(try server.store.session(id: session.cookie, now: TestServer.now) != nil)
        #expect(try server.store.latestReads(try server.store.study(challenge: "tiny", slug: "grading")).isEmpty)
    }

    @Test func uploadWithoutTheSessionsCSRFTokenStoresNothing() async throws {
        let server = try await TestServer()
        let session = try server.session(server.alpha)
        let reply = try await server.upload(TestServer.predictions([0, 1, 2, 0]), session: session, csrf: "forged")
        #expect(reply.status == 403)
        #expect(try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).isEmpty)
    }

    @Test func sessionCookieIsNotABearerToken() async throws {
        let server = try await TestServer()
        let session = try server.session(server.organiser)
        #expect(try await server.send(.get, "/api/v1/me", headers: session.headers).status == 401)
        #expect(try await server.send(.get, "/api/v1/me", token: session.cookie).status == 401)
        #expect(try await server.send(.get, "/api/v1/challenges/tiny/teams", headers: session.headers).status == 401)
    }

    @Test func bearerTokenDoesNotOpenPages() async throws {
        let server = try await TestServer()
        let reply = try await server.send(.get, "/challenges/tiny/manage", token: server.organiser)
        #expect(reply.status == 303)
        #expect(reply.headers[.location] == "/sign-in?next=%2Fchallenges%2Ftiny%2Fmanage")
        let cookie = try await server.page("/challenges/tiny/manage", headers: [.cookie: "arbiter_session=\(server.organiser)"])
        #expect(cookie.status == 303)
    }

    @Test func signingInSetsAnHttpOnlyStrictSessionCookieAndGoesToTheTeamsChallenge() async throws {
        let server = try await TestServer()
        let form = try await server.page("/sign-in")
        let formToken = try #require(Self.cookie("arbiter_sign_in", in: form))
        #expect(form.text.contains("name=\"token\""))
        let reply = try await server.post("/sign-in", session: nil, fields: ["token": server.alpha], csrf: formToken,
                                          headers: [.cookie: "arbiter_sign_in=\(formToken)"])
        #expect(reply.status == 303)
        #expect(reply.headers[.location] == "/challenges/tiny")
        let setCookie = try #require(reply.headers[values: .setCookie].first { $0.hasPrefix("arbiter_session=") })
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && !setCookie.contains("Secure"))
        let id = String(setCookie.dropFirst("arbiter_session=".count).prefix { $0 != ";" })
        #expect(try server.store.session(id: id, now: TestServer.now)?.identity.team?.name == "alpha")
    }

    @Test func wrongTokenIsRefusedWithoutSayingWhyOrEchoingIt() async throws {
        let server = try await TestServer()
        let revoked = try server.store.issueToken(role: .organiser, now: TestServer.now)
        try server.store.revokeToken(revoked.record.id, now: TestServer.now)
        var messages: Set<String> = []
        for token in ["arb_" + String(repeating: "1", count: 64), revoked.token] {
            let reply = try await server.post("/sign-in", session: nil, fields: ["token": token], csrf: "f", headers: [.cookie: "arbiter_sign_in=f"])
            #expect(reply.status == 401)
            #expect(!reply.text.contains(token))
            #expect(reply.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("arbiter_session=") })
            messages.insert(try #require(reply.text.firstRange(of: "That token is not valid").map { String(reply.text[$0]) }))
        }
        #expect(messages.count == 1)
    }

    @Test func signInWithoutItsFormTokenIsRefused() async throws {
        let server = try await TestServer()
        let reply = try await server.post("/sign-in", session: nil, fields: ["token": server.alpha], csrf: "posted-from-elsewhere")
        #expect(reply.status == 403)
        #expect(reply.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("arbiter_session=") })
    }

    @Test func signInAttemptsAreRateLimitedPerAddress() async throws {
        var configuration = ServerConfiguration(requestsPerSecond: 10_000, requestBurst: 10_000)
        // Three at once, then one a week: however slowly the test runs, no attempt is refilled in the meantime.
        configuration.signInBurst = 3
        configuration.signInsPerMinute = 1.0 / (7 * 24 * 60)
        let server = try await TestServer(configuration: configuration)
        var statuses: [Int] = []
        for _ in 0..<5 {
            statuses.append(try await server.post("/sign-in", session: nil, fields: ["token": "arb_guess"], csrf: "f",
                                                  headers: [.cookie: "arbiter_sign_in=f"]).status)
        }
        #expect(statuses.prefix(3).allSatisfy { $0 == 401 })
        #expect(statuses.last == 429)
    }

    @Test func signInRedirectsOnlyWithinTheSite() async throws {
        let server = try await TestServer()
        for next in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
            let reply = try await server.post("/sign-in", session: nil, fields: ["token": server.organiser, "next": next], csrf: "f",
                                              headers: [.cookie: "arbiter_sign_in=f"])
            #expect(reply.headers[.location] == "/", "next \(next)")
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let server = try await TestServer()
        let session = try server.session(server.alpha)
        let reply = try await server.post("/sign-out", session: session)
        #expect(reply.status == 303)
        #expect(reply.headers[values: .setCookie].contains { $0.hasPrefix("arbiter_session=;") && $0.contains("Max-Age=0") })
        let after = try await server.page("/challenges/tiny/submissions", session: session)
        #expect(after.status == 303)
        #expect(after.headers[.location]?.hasPrefix("/sign-in") == true)
    }

    @Test func everyPageIsKeptOutOfCaches() async throws {
        let server = try await TestServer()
        let session = try server.session(server.alpha)
        for path in ["/", "/challenges/tiny", "/challenges/tiny/phases/final", "/challenges/tiny/submissions"] {
            #expect(try await server.page(path, session: session).headers[.cacheControl] == "no-store", "\(path)")
        }
    }

    @Test func newTeamsTokenIsShownOnceAndNeverAgain() async throws {
        let server = try await TestServer()
        let session = try server.session(server.organiser)
        let added = try await server.post("/challenges/tiny/manage/teams", session: session, fields: ["name": "charlie"])
        #expect(added.status == 200)
        let token = try #require(added.text.firstRange(of: #/arb_[0-9a-f]{64}/#).map { String(added.text[$0]) })
        #expect(try server.store.authenticate(token: token)?.team?.name == "charlie")
        for path in ["/challenges/tiny/manage", "/challenges/tiny/manage/audit", "/challenges/tiny/submissions", "/"] {
            #expect(!(try await server.page(path, session: session).text.contains(token)), "\(path)")
        }
    }

    static func cookie(_ name: String, in reply: TestServer.Reply) -> String? {
        reply.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
            .map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
    }
}
