import HTTPTypes
import Foundation
import Store
import Server
import Testing

/// What an organiser does over the API: teams and tokens, the phase's state, publication, re-judging.
@Suite struct OrganiserRouteTests {
    @Test func newTeamsTokenIsShownOnceAndWorks() async throws {
        let server = try await TestServer()
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/teams", token: server.organiser, body: Array(#"{"name": "charlie"}"#.utf8))
        #expect(reply.status == 201)
        let token = try #require(reply.object["token"] as? String)
        let me = try await server.send(.get, "/api/v1/me", token: token)
        #expect(me.object["team"] as? String == "charlie")
        let listed = try await server.send(.get, "/api/v1/challenges/tiny/tokens", token: server.organiser)
        #expect(!listed.text.contains(token))
        #expect(!listed.text.contains(AccessToken.digest(token)))
    }

    @Test func duplicateTeamNameIsAConflict() async throws {
        let server = try await TestServer()
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/teams", token: server.organiser, body: Array(#"{"name": "alpha"}"#.utf8))
        #expect(reply.status == 409)
        #expect(reply.error["code"] as? String == "duplicate-team")
    }

    @Test func malformedBodyIsABadRequestNamingTheField() async throws {
        let server = try await TestServer()
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/teams", token: server.organiser, body: Array(#"{"nom": "x"}"#.utf8))
        #expect(reply.status == 400)
        #expect((reply.error["message"] as? String)?.contains("\"name\"") == true)
    }

    /// A label of 40 letters each carrying combining marks is 40 Swift Characters but hundreds of code points,
    /// which is what the OpenAPI schema's maxLength counts.
    @Test func tokenLabelIsLimitedInCodePointsAsTheSchemaCountsThem() async throws {
        let server = try await TestServer()
        let label = String(repeating: "a\u{0301}\u{0316}\u{0317}", count: 40)
        let body = try JSONSerialization.data(withJSONObject: ["label": label])
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/teams/alpha/tokens", token: server.organiser, body: Array(body))
        #expect(reply.status == 400)
        #expect(reply.error["code"] as? String == "invalid-label")
        #expect((reply.error["message"] as? String)?.contains("160") == true)
    }

    @Test func teamNameIsLimitedInCodePointsBeforeTrimming() async throws {
        let server = try await TestServer()
        let body = try JSONSerialization.data(withJSONObject: ["name": " " + String(repeating: "b", count: 100)])
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/teams", token: server.organiser, body: Array(body))
        #expect(reply.status == 400)
        #expect(reply.error["code"] as? String == "invalid-team-name")
    }

    @Test func teamNameHoldingAnInvisibleCharacterIsRefusedNamingIt() async throws {
        let server = try await TestServer()
        let body = try JSONSerialization.data(withJSONObject: ["name": "char\u{202E}lie"])
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/teams", token: server.organiser, body: Array(body))
        #expect(reply.status == 400)
        #expect(reply.error["code"] as? String == "invalid-team-name")
        // Named, and quoted escaped: the override itself would reorder the message after it.
        let message = try #require(reply.error["message"] as? String)
        #expect(message.contains("U+202E") && message.contains(#""char\u{202E}lie""#) && !message.unicodeScalars.contains("\u{202E}"))
    }

    @Test func revokedTokenNoLongerAuthenticates() async throws {
        let server = try await TestServer()
        let issued = try await server.send(.post, "/api/v1/challenges/tiny/teams/alpha/tokens", token: server.organiser,
                                           body: Array(#"{"label": "ci"}"#.utf8))
        let token = try #require(issued.object["token"] as? String)
        #expect(try await server.send(.get, "/api/v1/me", token: token).status == 200)
        let id = try #require(try server.store.teamTokens(challenge: try server.store.challenge("tiny")).first { $0.label == "ci" }?.id)
        #expect(try await server.send(.delete, "/api/v1/tokens/\(id)", token: server.organiser).status == 204)
        let refused = try await server.send(.get, "/api/v1/me", token: token)
        #expect(refused.status == 401)
        #expect(refused.error["code"] as? String == "invalid-token")
    }

    @Test func closingAPhaseStopsSubmissionsAndReopeningRestoresThem() async throws {
        let server = try await TestServer()
        let closed = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/close", token: server.organiser)
        #expect(closed.object["status"] as? String == "closed")
        #expect(try await server.submit(server.alpha, [0]).status == 409)
        _ = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/schedule", token: server.organiser)
        #expect(try await server.submit(server.alpha, [0]).status == 202)
    }

    @Test func openingAPhaseEarlyAcceptsSubmissionsBeforeItsSchedule() async throws {
        let server = try await TestServer(clock: { Date(timeIntervalSince1970: 1_766_000_000) })  // December 2025
        #expect(try await server.submit(server.alpha, [0]).status == 409)
        let opened = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/open", token: server.organiser)
        #expect(opened.object["accepts_submissions"] as? Bool == true)
        #expect(try await server.submit(server.alpha, [0]).status == 202)
    }

    @Test func leaderboardShowsThePrivateSplitOnlyOncePublished() async throws {
        let server = try await TestServer()
        _ = try await server.submit(server.alpha, [0, 1, 2, 0, 1, 2])
        try await server.judge()
        let sealed = try await server.send(.get, "/api/v1/challenges/tiny/leaderboard")
        #expect(sealed.status == 200)
        #expect(!sealed.text.contains("@private"))
        _ = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/publish", token: server.organiser)
        let published = try await server.send(.get, "/api/v1/challenges/tiny/leaderboard")
        #expect(published.text.contains("@private"))
    }

    @Test func rejudgeQueuesEveryScoredSubmissionAgain() async throws {
        let server = try await TestServer()
        _ = try await server.submit(server.alpha, [0])
        _ = try await server.submit(server.bravo, [1])
        try await server.judge()
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/rejudge", token: server.organiser)
        #expect(reply.status == 202)
        #expect(reply.object["queued"] as? Int == 2)
        #expect(try server.store.pendingJobCount() == 2)
    }
}
