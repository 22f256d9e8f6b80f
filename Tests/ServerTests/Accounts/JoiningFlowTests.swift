import Foundation
import HTTPTypes
import Store
import Testing

/// Reading and accepting the terms, asking for access, forming teams, and reaching the data, through the pages.
@Suite struct JoiningFlowTests {
    @Test func acceptingRecordsTheTermsShownAndAsksForAccess() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let session = try server.session(account: accounts.unaccepted)
        let page = try await server.page("/challenges/tiny/join", session: session)
        #expect(page.text.contains("Be kind.") && page.text.contains("name=\"affiliation\""))
        let rules = try #require(try server.store.document(.rules, challenge: "tiny")).sha256
        let reply = try await server.post("/challenges/tiny/join", session: session,
                                          fields: ["accept": "yes", "rules": rules, "dataUse": "", "affiliation": "Institut Curie", "purpose": "grading"])
        #expect(reply.status == 303 && reply.headers[.location] == "/challenges/tiny/team")
        let standing = try server.store.standing(accountID: accounts.unaccepted.id, challenge: try server.store.challenge("tiny"))
        #expect(standing.accepted == TermsVersion(rules: rules, dataUse: "") && standing.request?.state == .pending)
        let entry = try #require(try server.store.auditLog(challenge: "tiny").last { $0.action == "terms.accepted" && $0.actor == "account:unaccepted@example.org" })
        #expect(entry.detail?.contains(rules) == true)
    }

    @Test func termsThatChangedWhileBeingReadAreNotAccepted() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let session = try server.session(account: accounts.unaccepted)
        let old = try #require(try server.store.document(.rules, challenge: "tiny")).sha256
        try server.store.setDocument(.rules, markdown: "# Rules\n\nBe kind, and cite us.\n", challenge: "tiny", now: TestServer.now)
        let reply = try await server.post("/challenges/tiny/join", session: session,
                                          fields: ["accept": "yes", "rules": old, "dataUse": "", "affiliation": "a", "purpose": "b"])
        #expect(reply.status == 422 && reply.text.contains("changed while you were reading"))
        #expect(try server.store.standing(accountID: accounts.unaccepted.id, challenge: try server.store.challenge("tiny")).accepted == nil)
    }

    @Test func changedRulesStopSubmissionsUntilAcceptedAgain() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        try server.store.setDocument(.rules, markdown: "# Rules\n\nNew rule.\n", challenge: "tiny", now: TestServer.now)
        let refused = try await server.submit(accounts.member.token, [0, 1, 2])
        #expect(refused.status == 403 && refused.error["code"] as? String == "not-admitted")
        #expect((refused.error["message"] as? String)?.contains("have changed since you accepted them") == true)
        let session = try server.session(account: accounts.member)
        let rules = try #require(try server.store.document(.rules, challenge: "tiny")).sha256
        #expect(try await server.post("/challenges/tiny/join", session: session, fields: ["accept": "yes", "rules": rules, "dataUse": ""]).status == 303)
        #expect(try await server.submit(accounts.member.token, [0, 1, 2]).status == 202)
    }

    @Test func anOrganiserApprovesFromTheDashboard() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let organiser = try server.session(server.organiser)
        let manage = try await server.page("/challenges/tiny/manage", session: organiser)
        #expect(manage.text.contains("awaiting@example.org") && manage.text.contains("awaiting&#39;s lab") || manage.text.contains("awaiting's lab"))
        #expect(try await server.post("/challenges/tiny/manage/access/\(accounts.awaiting.id)/approve", session: organiser).status == 303)
        let standing = try server.store.standing(accountID: accounts.awaiting.id, challenge: try server.store.challenge("tiny"))
        #expect(standing.request?.state == .approved)
        #expect(try await server.page("/challenges/tiny/data", session: try server.session(account: accounts.awaiting)).status == 200)
    }

    @Test func anInvitationLinkAddsASecondMember() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let member = try server.session(account: accounts.member), removed = try server.session(account: accounts.removed)
        let invited = try await server.post("/challenges/tiny/team/invitations", session: member)
        let link = try #require(invited.text.firstMatch(of: /\/challenges\/tiny\/team\/join\?invitation=inv_[0-9a-f]{64}/).map { String($0.0) })
        let page = try await server.page(link, session: removed)
        #expect(page.status == 200 && page.text.contains("Join delta"))
        let code = String(link.split(separator: "=").last!)
        #expect(try await server.post("/challenges/tiny/team/join", session: removed, fields: ["invitation": code]).status == 303)
        let team = try await server.page("/challenges/tiny/team", session: removed)
        #expect(team.text.contains("member@example.org") && team.text.contains("removed@example.org (you)"))
        // Team limits count the whole team: both see the same submissions.
        let theirs = try await server.page("/challenges/tiny/submissions", session: removed)
        #expect(theirs.text.contains(TestAccounts.memberFileName))
    }

    /// An invitation the member made for `delta`, as its link and its code.
    static func invitation(on server: TestServer, by member: PageSession) async throws -> (link: String, code: String) {
        let invited = try await server.post("/challenges/tiny/team/invitations", session: member)
        let link = try #require(invited.text.firstMatch(of: /\/challenges\/tiny\/team\/join\?invitation=inv_[0-9a-f]{64}/).map { String($0.0) })
        return (link, String(link.split(separator: "=").last ?? ""))
    }

    @Test func anInvitationOpenedBeforeAdmissionIsKeptThroughTheTermsAndTheApproval() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let (link, code) = try await Self.invitation(on: server, by: try server.session(account: accounts.member))
        let session = try server.session(account: accounts.unaccepted)
        let opened = try await server.page(link, session: session)
        #expect(opened.status == 303 && opened.headers[.location] == "/challenges/tiny/join?invitation=\(code)")
        let join = try await server.page("/challenges/tiny/join?invitation=\(code)", session: session)
        #expect(join.text.contains("member@example.org has invited you to team delta") && join.text.contains("name=\"invitation\" value=\"\(code)\""))
        let rules = try #require(try server.store.document(.rules, challenge: "tiny")).sha256
        let asked = try await server.post("/challenges/tiny/join", session: session, fields: [
            "accept": "yes", "rules": rules, "dataUse": "", "affiliation": "Institut Curie", "purpose": "grading", "invitation": code])
        // On to the invitation, whose page sends an account awaiting the organisers back to the join page with it.
        #expect(asked.status == 303 && asked.headers[.location] == link)
        #expect(try await server.page(link, session: session).headers[.location] == "/challenges/tiny/join?invitation=\(code)")
        let waiting = try await server.page("/challenges/tiny/join?invitation=\(code)", session: session)
        #expect(waiting.text.contains("Once the organisers approve you") && waiting.text.contains(link))
        try server.store.decideAccess(accountID: accounts.unaccepted.id, challenge: try server.store.challenge("tiny"), approve: true, now: TestServer.now)
        let approved = try await server.page(link, session: session)
        #expect(approved.status == 200 && approved.text.contains("Join delta"))
    }

    @Test func acceptingChangedRulesLeadsStraightBackToTheInvitation() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let (link, code) = try await Self.invitation(on: server, by: try server.session(account: accounts.member))
        try server.store.setDocument(.rules, markdown: "# Rules\n\nNew rule.\n", challenge: "tiny", now: TestServer.now)
        let session = try server.session(account: accounts.removed)
        #expect(try await server.page(link, session: session).headers[.location] == "/challenges/tiny/join?invitation=\(code)")
        let rules = try #require(try server.store.document(.rules, challenge: "tiny")).sha256
        let accepted = try await server.post("/challenges/tiny/join", session: session,
                                             fields: ["accept": "yes", "rules": rules, "dataUse": "", "invitation": code])
        #expect(accepted.status == 303 && accepted.headers[.location] == link)
        #expect(try await server.page(link, session: session).text.contains("Join delta"))
    }

    /// The join page carries only a live invitation; accepting passes on only a well-formed one, to the invitation's
    /// page, which says when it no longer works.
    @Test func onlyALiveInvitationIsCarriedAndOnlyAWellFormedOnePassedOn() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let session = try server.session(account: accounts.unaccepted)
        let (_, spent) = try await Self.invitation(on: server, by: try server.session(account: accounts.member))
        #expect(try await server.post("/challenges/tiny/team/join", session: try server.session(account: accounts.removed), fields: ["invitation": spent]).status == 303)
        let afterUse = try await server.page("/challenges/tiny/join?invitation=\(spent)", session: session)
        #expect(afterUse.status == 200 && !afterUse.text.contains("has invited you") && !afterUse.text.contains(spent))
        let rulesNow = try #require(try server.store.document(.rules, challenge: "tiny")).sha256
        let withSpent = try await server.post("/challenges/tiny/join", session: try server.session(account: accounts.awaiting), fields: [
            "accept": "yes", "rules": rulesNow, "dataUse": "", "invitation": spent])
        #expect(withSpent.status == 303 && withSpent.headers[.location] == TeamInvitation.path(challenge: "tiny", link: spent))
        #expect(try await server.page(TeamInvitation.path(challenge: "tiny", link: spent), session: try server.session(account: accounts.awaiting)).status == 404)
        let forged = "inv_\(String(repeating: "0", count: 63))\"><script>alert(1)</script>"
        let join = try await server.page("/challenges/tiny/join?invitation=\(forged.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", session: session)
        #expect(join.status == 200 && !join.text.contains("<script>alert") && !join.text.contains("name=\"invitation\""))
        let rules = try #require(try server.store.document(.rules, challenge: "tiny")).sha256
        let accepted = try await server.post("/challenges/tiny/join", session: session, fields: [
            "accept": "yes", "rules": rules, "dataUse": "", "affiliation": "a", "purpose": "b", "invitation": "//evil.example/x"])
        #expect(accepted.status == 303 && accepted.headers[.location] == "/challenges/tiny/team")
    }

    @Test func aTeamNameTheStoreRefusesIsAProblemOnTheTeamPage() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let session = try server.session(account: accounts.removed)
        let refused = try await server.post("/challenges/tiny/team", session: session, fields: ["name": "Cu\u{202E}rie"])
        #expect(refused.status == 422 && refused.text.contains("That team name cannot be used") && refused.text.contains("U+202E"))
        #expect(try await server.post("/challenges/tiny/team", session: session, fields: ["name": " Curie "]).status == 303)
        #expect(try await server.page("/challenges/tiny/team", session: session).text.contains("Team Curie"))
    }

    @Test func anInvitationMadeThroughTheAPIIsSpentThroughTheAPI() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let made = try await server.send(.post, "/api/v1/challenges/tiny/team/invitations", token: accounts.member.token)
        #expect(made.status == 201 && made.object["team"] as? String == "delta")
        let code = try #require(made.object["invitation"] as? String)
        #expect(made.object["url"] as? String == "/challenges/tiny/team/join?invitation=\(code)")
        let joined = try await server.send(.post, "/api/v1/challenges/tiny/team/members", token: accounts.removed.token,
                                           body: Array(#"{"invitation": "\#(code)"}"#.utf8), headers: [.contentType: "application/json"])
        #expect(joined.status == 200 && joined.object["team"] as? String == "delta", "\(joined.text)")
        let again = try await server.send(.post, "/api/v1/challenges/tiny/team/members", token: accounts.removed.token,
                                          body: Array(#"{"invitation": "\#(code)"}"#.utf8), headers: [.contentType: "application/json"])
        #expect(again.status == 409 && (again.error["message"] as? String)?.contains("unknown, used or expired") == true)
        // The API answers a team token, or an organiser's, that these are a person's own routes.
        #expect(try await server.send(.post, "/api/v1/challenges/tiny/team/invitations", token: server.alpha).status == 403)
    }

    @Test func aDataFileIsServedWholeOrByRangeWithItsDigest() async throws {
        let server = try await TestServer()
        let accounts = try server.addAccounts()
        let session = try server.session(account: accounts.member)
        let whole = try await server.page("/challenges/tiny/data/notes.txt", session: session)
        #expect(whole.status == 200 && whole.body == TestAccounts.dataFile)
        let digest = ContentDigest.sha256(TestAccounts.dataFile)
        #expect(whole.headers[.eTag] == "\"\(digest)\"" && whole.headers[.acceptRanges] == "bytes")
        // `openssl dgst -sha256 -binary | base64` of the file's bytes.
        #expect(whole.headers[HTTPField.Name("Repr-Digest")!] == "sha-256=:KAPRpRfUE5UIUoXF3h0ZIxHIBV+KirdX2uoh2ncZVrI=:")
        let part = try await server.page("/challenges/tiny/data/notes.txt", session: session, headers: [.range: "bytes=8-10"])
        #expect(part.status == 206 && part.body == Array(TestAccounts.dataFile[8...10]))
        #expect(part.headers[.contentRange] == "bytes 8-10/\(TestAccounts.dataFile.count)")
        let tail = try await server.page("/challenges/tiny/data/notes.txt", session: session, headers: [.range: "bytes=-3"])
        #expect(tail.body == Array(TestAccounts.dataFile.suffix(3)))
        let beyond = try await server.page("/challenges/tiny/data/notes.txt", session: session, headers: [.range: "bytes=999-"])
        #expect(beyond.status == 416 && beyond.headers[.contentRange] == "bytes */\(TestAccounts.dataFile.count)")
        let stale = try await server.page("/challenges/tiny/data/notes.txt", session: session, headers: [.range: "bytes=0-1", .ifRange: "\"old\""])
        #expect(stale.status == 200 && stale.body == TestAccounts.dataFile)
        let page = try await server.page("/challenges/tiny/data", session: session)
        #expect(page.text.contains(digest) && page.text.contains("https://slides.example.org/tiny/"))
    }
}
