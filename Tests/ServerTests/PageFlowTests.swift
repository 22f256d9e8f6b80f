import Foundation
import HTTPTypes
import Server
import Store
import Testing

/// The portal's pages doing what a participant and an organiser came for, through the same intake and store as
/// the API.
@Suite struct PageFlowTests {
    @Test func malformedUploadListsEveryProblemInTheAPIsWords() async throws {
        let server = try await TestServer()
        let session = try server.session(server.alpha)
        let malformed = Array("case_id,label\nA,0\nB,7\nB,1\nZ,2\n".utf8)
        let page = try await server.upload(malformed, session: session)
        let api = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions?dry_run=true&file_name=p.csv",
                                        token: server.alpha, body: malformed)
        let details = try #require(api.error["details"] as? [[String: Any]])
        #expect(page.status == 422)
        #expect(details.count >= 3)
        #expect(page.text.contains("\(details.count) problems"))
        for detail in details {
            let message = try #require(detail["message"] as? String)
            #expect(page.text.contains(Self.escaped(message)), "the page lacks: \(message)")
        }
        #expect(page.text.contains("<td class=\"number\">3</td>"), "line 3's problem has its line number")
        #expect(try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).isEmpty)
    }

    @Test func checkOnlyStoresNothingAndLeavesTheAllowance() async throws {
        let server = try await TestServer()
        let session = try server.session(server.alpha)
        let reply = try await server.upload(TestServer.predictions([0, 1, 2]), session: session, check: true)
        #expect(reply.status == 200)
        #expect(reply.text.contains("The file is valid"))
        #expect(reply.text.contains("3 of 3 left today"))
        #expect(try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).isEmpty)
    }

    @Test func submittedFileIsStoredAndTheAllowanceShrinks() async throws {
        let server = try await TestServer()
        let session = try server.session(server.alpha)
        let reply = try await server.upload(TestServer.predictions([0, 1, 2]), session: session)
        #expect(reply.status == 200)
        #expect(reply.text.contains("Submitted"))
        #expect(reply.text.contains("2 of 3 left today; the next opens 2026-01-03 00:00 UTC"))
        let stored = try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil)
        #expect(stored.map(\.fileName) == ["predictions.csv"])
        #expect(reply.text.contains("/challenges/tiny/submissions#submission-\(stored[0].id)"))
    }

    @Test func mySubmissionsShowsStatusAndOnlyThePublicScoresUntilPublished() async throws {
        let server = try await TestServer()
        let session = try server.session(server.alpha)
        _ = try await server.upload(TestServer.predictions([0, 1, 2, 0, 1, 2]), session: session)
        let queued = try await server.page("/challenges/tiny/submissions", session: session)
        #expect(queued.text.contains("status-queued"))
        #expect(queued.text.contains("data-live=\"pending\""))
        #expect(queued.text.contains("<meta http-equiv=\"refresh\""))
        try await server.judge()
        let scored = try await server.page("/challenges/tiny/submissions", session: session)
        #expect(scored.text.contains("status-scored"))
        #expect(scored.text.contains("public · "))
        #expect(!scored.text.contains("private · "))
        #expect(scored.text.contains("data-live=\"settled\""))
    }

    @Test func publishingNeedsThePhasesSlugTypedThenUnsealsIt() async throws {
        let server = try await TestServer()
        let session = try server.session(server.organiser)
        let form = try await server.page("/challenges/tiny/manage/phases/final/publish", session: session)
        #expect(form.text.contains("This cannot be undone"))
        let mistyped = try await server.post("/challenges/tiny/manage/phases/final/publish", session: session, fields: ["confirm": "Final"])
        #expect(mistyped.status == 422)
        #expect(try !server.store.phase(try server.store.challenge("tiny"), "final").isPublished)
        let confirmed = try await server.post("/challenges/tiny/manage/phases/final/publish", session: session, fields: ["confirm": "final"])
        #expect(confirmed.status == 303)
        #expect(try server.store.phase(try server.store.challenge("tiny"), "final").isPublished)
        #expect(try server.store.auditLog(challenge: "tiny").contains { $0.action == "phase.published" })
    }

    @Test func challengePageRendersTheREADMEFromMarkdown() async throws {
        let server = try await TestServer()
        try server.store.setDocument(.readme, markdown: "## What you submit\n\nA CSV with `case_id,label`.\n\n<script>alert(1)</script>\n",
                                     challenge: "tiny", now: TestServer.now)
        let page = try await server.page("/challenges/tiny")
        #expect(page.text.contains("<h2>What you submit</h2>"))
        #expect(page.text.contains("<code>case_id,label</code>"))
        #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "inline script in a README never runs")
    }

    @Test func portalServesTheStaticLeaderboardAndNothingOutsideIt() async throws {
        let server = try await TestServer()
        _ = try await server.submit(server.alpha, [0, 1, 2, 0])
        try await server.judge()
        let index = try await server.page("/challenges/tiny/leaderboard/")
        #expect(index.status == 200)
        #expect(index.text.contains("alpha"))
        #expect(try await server.page("/challenges/tiny/leaderboard/style.css").headers[.contentType] == "text/css; charset=utf-8")
        for path in ["../../../etc/passwd", "%2e%2e/%2e%2e/arbiter.sqlite", ".hidden", "index.php"] {
            #expect(try await server.page("/challenges/tiny/leaderboard/" + path).status == 404, "\(path)")
        }
    }

    @Test func refusedUploadsAreCountedForTheOrganiser() async throws {
        let server = try await TestServer()
        _ = try await server.upload(Array("case_id,label\nA,9\n".utf8), session: try server.session(server.alpha))
        _ = try await server.upload(Array("case_id,label\nA,9\n".utf8), session: try server.session(server.alpha), check: true)
        let refusals = try server.store.refusals(challenge: try server.store.challenge("tiny"))
        #expect(refusals.map(\.count) == [1], "a check that fails is free and not counted")
        #expect(refusals.first?.code == "invalid-file")
        let manage = try await server.page("/challenges/tiny/manage", session: try server.session(server.organiser))
        #expect(manage.text.contains("invalid-file"))
    }

    @Test func teamChoosesItsFinalEntryAfterAConfirmation() async throws {
        let server = try await TestServer(finalEntry: "team-choice")
        let session = try server.session(server.alpha)
        _ = try await server.upload(TestServer.predictions([0, 1, 2]), session: session)
        _ = try await server.upload(TestServer.predictions([1, 1, 1]), session: session)
        try await server.judge()
        let first = try #require(try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).first)
        let listed = try await server.page("/challenges/tiny/submissions", session: session)
        #expect(listed.text.contains("/challenges/tiny/submissions/\(first.id)/choose"))
        let confirmation = try await server.page("/challenges/tiny/submissions/\(first.id)/choose", session: session)
        #expect(confirmation.text.contains("Make submission \(first.id) your final entry?"))
        #expect(try server.store.submission(first.id).chosenAt == nil, "opening the confirmation changes nothing")
        let chosen = try await server.post("/challenges/tiny/submissions/\(first.id)/choose", session: session)
        #expect(chosen.status == 303)
        #expect(try server.store.submission(first.id).chosenAt != nil)
        #expect(try await server.page("/challenges/tiny/submissions", session: session).text.contains("Final entry</strong>"))
    }

    /// Text as the templates write it: `{{…}}` escapes HTML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
