import Foundation
import HTTPTypes
import Challenge
import Imaging
import Server
import Store
import Studies
import Testing

/// Every page and form of the portal, opened by every kind of visitor: each answers only its audience, every answer
/// carries the security headers, and none shows ground truth, a sealed score, another team's file, or any token.
@Suite struct PageAccessTests {
    typealias Role = AccessTests.Role

    enum Expectation: Equatable {
        case admitted
        /// A private page opened without a session: sent to sign in.
        case signIn
        case refused
        case notFound
        /// 409: the change contradicts the account's standing (a second team, no team to leave).
        case conflict
        /// 422: the form is answered with what is missing.
        case problem
    }

    @Test(arguments: Page.allCases)
    func pageAnswersOnlyItsAudienceAndLeaksNothingSealed(page: Page) async throws {
        for role in Role.allCases {
            let server = try await TestServer()
            let alphaID = try #require(try await server.submit(server.alpha, [0, 1, 2, 0, 2, 2]).object["id"] as? Int)
            _ = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions?file_name=bravo-private-notes.csv",
                                      token: server.bravo, body: TestServer.predictions([1, 1, 2, 0, 1, 0]))
            let bravoID = try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).last!.id
            let accounts = try server.addAccounts()
            try await server.judge()
            var secrets = try AccessTests.secrets(server, bravo: bravoID)
            for (name, token) in [("alpha", server.alpha), ("bravo", server.bravo), ("organiser", server.organiser), ("annotator", server.annotator),
                                  ("member", accounts.member.token), ("awaiting", accounts.awaiting.token)] {
                secrets.append(.init(what: "\(name)'s token", text: token, shownTo: []))
            }
            try Self.bindAnnotatorToAStudy(server)
            let spare = try server.store.issueToken(role: .team, team: try server.store.team(try server.store.challenge("tiny"), named: "alpha"),
                                                    label: "spare", now: TestServer.now).record.id
            let session: PageSession? = switch role {
            case .anonymous: nil
            case .forged: PageSession(cookie: "ses_" + String(repeating: "0", count: 64), csrf: "0")
            case .alpha: try server.session(server.alpha)
            case .bravo: try server.session(server.bravo)
            case .annotator: try server.session(server.annotator)
            case .organiser: try server.session(server.organiser)
            case .unverified, .unaccepted, .awaiting, .member, .removed: try server.session(account: try #require(role.account(in: accounts)))
            }
            let path = page.path
                .replacingOccurrences(of: "{challenge}", with: "tiny").replacingOccurrences(of: "{phase}", with: "final")
                .replacingOccurrences(of: "{team}", with: "alpha").replacingOccurrences(of: "{action}", with: "rejudge")
                .replacingOccurrences(of: "**", with: "index.html")
                .replacingOccurrences(of: "{study}", with: "grading").replacingOccurrences(of: "{ordinal}", with: "0")
                .replacingOccurrences(of: "{level}", with: "0").replacingOccurrences(of: "{tile}", with: "0_0.jpeg")
                .replacingOccurrences(of: "{id}", with: String([.revokeToken, .revokeTokenForm, .revokeAccountToken, .revokeAccountTokenForm].contains(page) ? spare : Int64(alphaID)))
                .replacingOccurrences(of: "{name}", with: "notes.txt").replacingOccurrences(of: "{decision}", with: "approve")
                .replacingOccurrences(of: "{account}", with: String(page == .removeMember ? accounts.member.id : accounts.awaiting.id))
            let preSession: HTTPFields = [.cookie: "arbiter_sign_in=form"]
            let reply: TestServer.Reply = switch page {
            case .upload: try await server.upload(TestServer.predictions([0, 1, 2, 0, 1, 2]), session: session, check: true)
            case .signIn: try await server.post(path, session: session, fields: ["token": "arb_wrong"], csrf: "form",
                                                headers: [.cookie: "arbiter_sign_in=form"])
            case .addTeam: try await server.post(path, session: session, fields: ["name": "charlie"])
            case .signUp: try await server.post(path, session: session, fields: ["email": "new@example.org", "password": "a long enough password"],
                                                csrf: "form", headers: preSession)
            case .forgot: try await server.post(path, session: session, fields: ["email": "member@example.org"], csrf: "form", headers: preSession)
            case .reset: try await server.post(path, session: session, fields: ["link": "lnk_wrong", "password": "a long enough password"],
                                               csrf: "form", headers: preSession)
            case .createTeam: try await server.post(path, session: session, fields: ["name": "echo"])
            // delta's team page (as the organiser sees it): removing its member
            case .removeMember: try await server.post(path.replacingOccurrences(of: "/alpha/", with: "/delta/"), session: session)
            case .saveAnnotation: try await server.post(path, session: session, fields: ["label": "1"])
            // The viewer's save is JSON with the session's form token in a header, as viewer.js sends it.
            case .saveShapes: try await server.viewerSave(path, session: session, json: #"{"label":"1","seconds_spent":1}"#)
            default: page.method == .post ? try await server.post(path, session: session) : try await server.page(path, session: session)
            }
            let context = "\(page.method) \(path) as \(role)"
            switch Self.expectation(page, role) {
            case .admitted:
                #expect([200, 201, 204, 303].contains(reply.status) || (page == .signIn && reply.status == 401), "\(context): \(reply.status) \(reply.text.prefix(400))")
            case .signIn:
                #expect(reply.status == 303 && reply.headers[.location]?.hasPrefix("/sign-in?next=") == true, "\(context): \(reply.status)")
            case .refused:
                #expect(reply.status == 403, "\(context): \(reply.status)")
            case .notFound:
                #expect(reply.status == 404, "\(context): \(reply.status)")
            case .conflict:
                #expect(reply.status == 409, "\(context): \(reply.status) \(reply.text.prefix(300))")
            case .problem:
                #expect(reply.status == 422, "\(context): \(reply.status)")
            }
            #expect(reply.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(context): no CSP")
            #expect(reply.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(context)")
            for secret in secrets where !secret.shownTo.contains(role) {
                #expect(!reply.text.contains(secret.text), "\(context) reveals \(secret.what)")
            }
        }
    }

    static func expectation(_ page: Page, _ role: Role) -> Expectation {
        if let expected = accountExpectation(page, role) { return expected }
        // Bravo is a team, but alpha's submission is not bravo's: it does not exist for bravo.
        if role == .bravo, page == .chooseForm || page == .choose || page == .runLog { return .notFound }
        // The tiny phase takes prediction files: no submission has a container log, and a team is refused before that
        // (its phase's logs would be the organisers'); ContainerLogAccessTests reads a real one.
        if page == .runLog, role == .organiser { return .notFound }
        if page == .runLog, role == .alpha { return .refused }
        // The test's annotator reads its study; it adjudicates none (AdjudicatePageTests signs in an adjudicator).
        if [.adjudicate, .disputeItem, .decideDispute, .disputeImage, .disputeTile].contains(page), role == .annotator { return .refused }
        // The test server has no slides folder: its reader is admitted and told its item has no tiles
        // (ViewerRouteTests serves real ones).
        if page == .annotateTile, role == .annotator { return .notFound }
        let signedIn = role != .anonymous && role != .forged
        switch page.audience {
        case .everyone:
            // Signing out with a session needs the session's own form token, which a forged cookie has none of.
            return .admitted
        case .team:
            if !signedIn { return page.method == .get ? .signIn : .refused }
            return role == .alpha || role == .bravo ? .admitted : .refused
        case .teamOrOrganiser:
            if !signedIn { return page.method == .get ? .signIn : .refused }
            return role == .annotator ? .refused : .admitted
        case .organiser:
            if !signedIn { return page.method == .get ? .signIn : .refused }
            return role == .organiser ? .admitted : .refused
        case .annotator:
            if !signedIn { return page.method == .get ? .signIn : .refused }
            return role == .annotator ? .admitted : .refused
        case .account:
            if !signedIn { return page.method == .get ? .signIn : .refused }
            return Role.accounts.contains(role) ? .admitted : .refused
        }
    }

    /// Where an account's state, or a page's own answer, differs from its audience's rule.
    static func accountExpectation(_ page: Page, _ role: Role) -> Expectation? {
        // Links that were never mailed: the pages say so, to anyone.
        if page == .verifyEmail || page == .reset { return .notFound }
        // The pages' own checks, as organisers reach them: the awaiting account's request exists, delta's member is
        // removed.
        guard Role.accounts.contains(role) else { return nil }
        let admitted = role == .member || role == .removed
        switch page {
        case .invitation: return .notFound
        case .upload, .chooseForm, .choose, .submissions, .runLog:
            guard role == .member else { return .refused }
            return page == .upload || page == .submissions ? .admitted : .notFound
        // The spare token is a team's: no account's own.
        case .revokeAccountToken, .revokeAccountTokenForm: return .notFound
        // Accepting nothing: the unverified account must confirm first; the unaccepted one is asked to tick the box.
        case .acceptTerms: return role == .unverified ? .refused : role == .unaccepted ? .problem : .admitted
        case .createTeam: return admitted ? (role == .member ? .conflict : .admitted) : .refused
        case .inviteToTeam: return admitted ? (role == .member ? .admitted : .conflict) : .refused
        case .joinTeam: return admitted ? .conflict : .refused
        case .leaveTeam: return role == .member ? .admitted : .conflict
        case .data, .dataFile: return admitted ? .admitted : .refused
        default: return nil
        }
    }

    /// The test server's annotator token bound as reader `ann` of a study `grading` of region r1 (with a picture), so
    /// that its reading pages have something to show.
    static func bindAnnotatorToAStudy(_ server: TestServer) throws {
        let spec = try StudySpecParser.parse(yaml: """
            slug: grading
            title: Grading
            items:
              regions:
                - { id: r1, slide: s1.svs, box: [0, 0, 512, 512] }
            questions:
              label: { classes: challenge }
            readers: [ann]
            reads-per-item: 1
            assignment: blinded
            """, file: "study.yaml", challenge: try server.store.challenge("tiny").spec)
        let picture = try server.store.blobs.put(try PNGCodec.encode(StudyServer.picture))
        let items = (spec.items.records ?? []).map { ItemDescription($0)!.with(image: picture).record(id: $0.itemID, kind: $0.kind) }
        let study = try server.store.registerStudy(
            StudyRegistration(challenge: "tiny", slug: "grading", specText: try StudySpecText.encode(spec), items: items), now: TestServer.now)
        let annotator = try #require(try server.store.authenticate(token: server.annotator))
        try server.store.addStudyReader("ann", role: .reader, tokenID: annotator.tokenID, to: study, now: TestServer.now)
        try server.store.assign([StudyAssignment(itemID: "r1", reader: "ann", ordinal: 0)], in: study, now: TestServer.now)
    }
}
