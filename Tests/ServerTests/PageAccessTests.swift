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
    }

    @Test(arguments: Page.allCases)
    func pageAnswersOnlyItsAudienceAndLeaksNothingSealed(page: Page) async throws {
        for role in Role.allCases {
            let server = try await TestServer()
            let alphaID = try #require(try await server.submit(server.alpha, [0, 1, 2, 0, 2, 2]).object["id"] as? Int)
            _ = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions?file_name=bravo-private-notes.csv",
                                      token: server.bravo, body: TestServer.predictions([1, 1, 2, 0, 1, 0]))
            try await server.judge()
            let bravoID = try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).last!.id
            var secrets = try AccessTests.secrets(server, bravo: bravoID)
            for (name, token) in [("alpha", server.alpha), ("bravo", server.bravo), ("organiser", server.organiser), ("annotator", server.annotator)] {
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
            }
            let path = page.path
                .replacingOccurrences(of: "{challenge}", with: "tiny").replacingOccurrences(of: "{phase}", with: "final")
                .replacingOccurrences(of: "{team}", with: "alpha").replacingOccurrences(of: "{action}", with: "rejudge")
                .replacingOccurrences(of: "**", with: "index.html")
                .replacingOccurrences(of: "{study}", with: "grading").replacingOccurrences(of: "{ordinal}", with: "0")
                .replacingOccurrences(of: "{level}", with: "0").replacingOccurrences(of: "{tile}", with: "0_0.jpeg")
                .replacingOccurrences(of: "{id}", with: String(page == .revokeToken || page == .revokeTokenForm ? spare : Int64(alphaID)))
            let reply: TestServer.Reply = switch page {
            case .upload: try await server.upload(TestServer.predictions([0, 1, 2, 0, 1, 2]), session: session, check: true)
            case .signIn: try await server.post(path, session: session, fields: ["token": "arb_wrong"], csrf: "form",
                                                headers: [.cookie: "arbiter_sign_in=form"])
            case .addTeam: try await server.post(path, session: session, fields: ["name": "charlie"])
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
            }
            #expect(reply.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(context): no CSP")
            #expect(reply.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(context)")
            for secret in secrets where !secret.shownTo.contains(role) {
                #expect(!reply.text.contains(secret.text), "\(context) reveals \(secret.what)")
            }
        }
    }

    static func expectation(_ page: Page, _ role: Role) -> Expectation {
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
            return .refused
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
