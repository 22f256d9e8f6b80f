import Challenge
import Foundation
import HTTPTypes
import Server
import Store
import Testing

/// Every route, called with every kind of caller: each answers only its audience, and no answer to anyone
/// carries ground truth, the sealed split's scores, or another team's files.
@Suite struct AccessTests {
    enum Role: String, CaseIterable, Hashable {
        case anonymous, forged, alpha, bravo, annotator, organiser
        /// People's own accounts, in each state of joining the tiny challenge (`TestAccounts`).
        case unverified, unaccepted, awaiting, member, removed

        static let accounts: Set<Role> = [.unverified, .unaccepted, .awaiting, .member, .removed]

        func account(in accounts: TestAccounts) -> TestAccounts.Account? {
            switch self {
            case .unverified: accounts.unverified
            case .unaccepted: accounts.unaccepted
            case .awaiting: accounts.awaiting
            case .member: accounts.member
            case .removed: accounts.removed
            default: nil
            }
        }
    }

    /// Each route gets a fresh server, so that routes which change things (publish, revoke, close) cannot mask
    /// what the others would reveal. The reader-study routes need a study and its readers: `StudyAccessTests` calls
    /// them with every kind of caller.
    @Test(arguments: Endpoint.allCases.filter { !$0.path.contains("/studies") })
    func routeAnswersOnlyItsAudienceAndLeaksNothingSealed(endpoint: Endpoint) async throws {
        for role in Role.allCases {
            let server = try await TestServer()
            let alphaID = try #require(try await server.submit(server.alpha, [0, 1, 2, 0, 2, 2]).object["id"] as? Int)
            let bravoReply = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions?file_name=bravo-private-notes.csv",
                                                   token: server.bravo, body: TestServer.predictions([1, 1, 2, 0, 1, 0]))
            let bravoID = try #require(bravoReply.object["id"] as? Int)
            let accounts = try server.addAccounts()
            try await server.judge()
            let secrets = try Self.secrets(server, bravo: Int64(bravoID))
            let spare = try server.store.issueToken(role: .team, team: try server.store.team(try server.store.challenge("tiny"), named: "alpha"),
                                                    label: "spare", now: TestServer.now).record.id
            let token: String? = switch role {
            case .anonymous: nil
            case .forged: "arb_" + String(repeating: "0", count: 64)
            case .alpha: server.alpha
            case .bravo: server.bravo
            case .annotator: server.annotator
            case .organiser: server.organiser
            case .unverified, .unaccepted, .awaiting, .member, .removed: role.account(in: accounts)?.token
            }
            let path = endpoint.path
                .replacingOccurrences(of: "{challenge}", with: "tiny").replacingOccurrences(of: "{phase}", with: "final")
                .replacingOccurrences(of: "{team}", with: "alpha")
                .replacingOccurrences(of: "{id}", with: String(endpoint == .revokeToken ? spare : Int64(alphaID)))
            let reply = try await server.send(endpoint.method, path + (endpoint == .submit ? "?dry_run=true&file_name=p.csv" : ""),
                                              token: token, body: Self.body(endpoint))
            let context = "\(endpoint.method) \(path) as \(role)"
            switch Self.expectation(endpoint, role) {
            case .refused:
                #expect(reply.status == 401 || reply.status == 403, "\(context): \(reply.status)")
            case .notFound:
                #expect(reply.status == 404, "\(context): \(reply.status)")
            case .conflict:
                #expect(reply.status == 409, "\(context): \(reply.status) \(reply.text.prefix(300))")
            case .admitted:
                // The status the OpenAPI document promises (an upload here is a dry run, which answers 200).
                let documented = endpoint == .submit ? 200 : endpoint.successStatus
                #expect(reply.status == documented, "\(context): \(reply.status) \(reply.text.prefix(300))")
            }
            for secret in secrets where !secret.shownTo.contains(role) {
                #expect(!reply.text.contains(secret.text), "\(context) reveals \(secret.what)")
            }
        }
    }

    /// Every path, called with a method it does not declare, by every kind of caller: 405 with the declared methods
    /// in `Allow`, before any token is looked at (the answer says nothing about the caller).
    @Test(arguments: Set(Endpoint.allCases.map(\.path)).sorted())
    func undeclaredMethodAnswers405ListingTheDeclaredOnes(template: String) async throws {
        let server = try await TestServer()
        let path = template.replacingOccurrences(of: "{challenge}", with: "tiny").replacingOccurrences(of: "{phase}", with: "final")
            .replacingOccurrences(of: "{team}", with: "alpha").replacingOccurrences(of: "{id}", with: "1")
            .replacingOccurrences(of: "{study}", with: "grading").replacingOccurrences(of: "{ordinal}", with: "0")
        let declared = Endpoint.allCases.filter { $0.path == template }.map(\.method)
        for method in [HTTPRequest.Method.trace, .put, .patch, .get, .delete] where !declared.contains(method) {
            for token in [nil, server.alpha, server.organiser] {
                let reply = try await server.send(method, path, token: token)
                #expect(reply.status == 405, "\(method) \(path): \(reply.status)")
                #expect(reply.error["code"] as? String == "method-not-allowed")
                #expect(reply.headers[.allow] == declared.map(\.rawValue).joined(separator: ", "), "\(method) \(path)")
            }
        }
    }

    @Test func traceAnswers405WithAllow() async throws {
        let server = try await TestServer()
        let reply = try await server.send(.trace, "/healthz")
        #expect(reply.status == 405)
        #expect(reply.headers[.allow] == "GET")
        #expect((reply.error["message"] as? String)?.contains("TRACE") == true)
        let teams = try await server.send(.put, "/api/v1/challenges/tiny/teams", token: server.organiser)
        #expect(teams.headers[.allow] == "GET, POST")
        // A path no route has stays a 404.
        #expect(try await server.send(.trace, "/api/v1/nowhere").status == 404)
    }

    enum Expectation { case admitted, refused, notFound, conflict }

    static func expectation(_ endpoint: Endpoint, _ role: Role) -> Expectation {
        // Bravo (and delta's member) may use the route, but alpha's submission is not theirs to see: it does not exist
        // for them.
        if role == .bravo || role == .member, endpoint == .submission || endpoint == .chooseSubmission || endpoint == .submissionLog { return .notFound }
        // The tiny challenge's phase takes prediction files: its submissions have no container log for anyone, and a
        // team is refused before that (its logs would be the organisers'); ContainerLogAccessTests covers a real log.
        if endpoint == .submissionLog, role == .organiser { return .notFound }
        if endpoint == .submissionLog, role == .alpha { return .refused }
        // An account's team routes: delta's member invites; the removed one has no team to invite to; an invitation
        // that was never made conflicts with both; accounts not yet admitted are refused.
        if endpoint.access == .participant, role == .member || role == .removed {
            return endpoint == .inviteToTeam && role == .member ? .admitted : .conflict
        }
        return switch (endpoint.access, role) {
        // A token that is presented but unknown is refused everywhere, so a client learns its token is wrong.
        case (_, .forged): .refused
        case (.everyone, _): .admitted
        case (_, .anonymous): .refused
        case (.signedIn, _): .admitted
        case (.team, .alpha), (.team, .bravo), (.team, .member): .admitted
        case (.teamOrOrganiser, .alpha), (.teamOrOrganiser, .bravo), (.teamOrOrganiser, .member), (.teamOrOrganiser, .organiser): .admitted
        case (.organiser, .organiser): .admitted
        default: .refused
        }
    }

    static func body(_ endpoint: Endpoint) -> [UInt8]? {
        switch endpoint {
        case .submit: TestServer.predictions([0, 1, 2, 0, 1, 2])
        case .addTeam: Array(#"{"name": "charlie-\#(UUID().uuidString.prefix(8))"}"#.utf8)
        case .issueTeamToken: Array(#"{"label": "laptop"}"#.utf8)
        case .joinTeam: Array(#"{"invitation": "inv_never_made"}"#.utf8)
        default: nil
        }
    }

    struct Secret {
        let what: String
        let text: String
        /// Who may see it (nobody, for truth and sealed scores).
        let shownTo: Set<Role>
    }

    /// Text that must not appear in answers: the truth's digest, every sealed aggregate with enough digits to be
    /// unmistakable, and bravo's file name and digest (alpha must never see them).
    static func secrets(_ server: TestServer, bravo: Int64) throws -> [Secret] {
        let challenge = try server.store.challenge("tiny")
        var secrets = [Secret(what: "the truth's digest", text: try #require(challenge.truthVersion), shownTo: [])]
        for submission in try server.store.submissions(challenge: challenge, team: nil) {
            for (metric, value) in try server.store.aggregates(submissionID: submission.id, splits: [.private])[.private] ?? [:] {
                guard let value, "\(value)".count > 4 else { continue }
                secrets.append(Secret(what: "sealed \(metric) of #\(submission.id)", text: "\(value)", shownTo: []))
            }
        }
        let bravoSubmission = try server.store.submission(bravo)
        secrets.append(Secret(what: "bravo's file name", text: bravoSubmission.fileName, shownTo: [.bravo, .organiser]))
        secrets.append(Secret(what: "bravo's file digest", text: bravoSubmission.fileSHA256, shownTo: [.bravo, .organiser]))
        // What accounts keep between themselves and the organisers: a team's file, an address, an access request.
        if let delta = try server.store.submissions(challenge: challenge, team: nil).first(where: { $0.fileName == TestAccounts.memberFileName }) {
            secrets.append(Secret(what: "delta's file digest", text: delta.fileSHA256, shownTo: [.member, .organiser]))
            secrets.append(Secret(what: "delta's file name", text: delta.fileName, shownTo: [.member, .organiser]))
        }
        secrets.append(Secret(what: "delta's member's address", text: "member@example.org", shownTo: [.member, .organiser]))
        secrets.append(Secret(what: "an access request's affiliation", text: "awaiting's lab", shownTo: [.organiser]))
        secrets.append(Secret(what: "an unconfirmed address", text: "unverified@example.org", shownTo: [.unverified, .organiser]))
        return secrets
    }
}
