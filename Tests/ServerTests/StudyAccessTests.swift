import Foundation
import HTTPTypes
import Server
import Store
import Testing

/// Every reader-study route, called by every kind of caller: anonymous, a team, an annotator not in the study, a
/// reader, the other reader, the adjudicator and an organiser. Each answers only its audience.
@Suite struct StudyAccessTests {
    enum Role: String, CaseIterable {
        case anonymous, team, stranger, reader, otherReader, adjudicator, organiser
    }

    static let routes = Endpoint.allCases.filter { $0.path.contains("/studies") }

    /// A fresh study per call, with both readers' reads in and a dispute open on r1 (ana says 0, ben 2), so that the
    /// routes which change things cannot mask what the others answer.
    @Test(arguments: routes)
    func studyRouteAnswersOnlyItsAudience(endpoint: Endpoint) async throws {
        for role in Role.allCases {
            let server = try await StudyServer()
            try await server.readEverything(ana: { $0 == "r1" ? "0" : "1" }, ben: { $0 == "r1" ? "2" : "1" })
            let dispute = try #require(try await server.openDisputes().first?["id"] as? Int)
            let token: String? = switch role {
            case .anonymous: nil
            case .team: server.base.alpha
            case .stranger: server.base.annotator
            case .reader: server.ana
            case .otherReader: server.ben
            case .adjudicator: server.ada
            case .organiser: server.base.organiser
            }
            let path = endpoint.path.replacingOccurrences(of: "{challenge}", with: "tiny").replacingOccurrences(of: "{study}", with: "grading")
                .replacingOccurrences(of: "{ordinal}", with: "0").replacingOccurrences(of: "{id}", with: String(dispute))
            let reply = try await server.send(endpoint.method, path, token: token, json: Self.body(endpoint))
            #expect(reply.status == Self.expected(endpoint, role), "\(endpoint.method) \(path) as \(role): \(reply.status) \(reply.text.prefix(300))")
            if reply.status >= 400 { #expect(reply.error["code"] is String, "\(endpoint.method) \(path) as \(role): \(reply.text.prefix(300))") }
        }
    }

    static func expected(_ endpoint: Endpoint, _ role: Role) -> Int {
        switch (endpoint.access, role) {
        case (_, .anonymous): 401
        case (_, .team): 403
        // A study the token is not bound to does not exist for it.
        case (.reader, .stranger), (.adjudicator, .stranger), (.adjudicatorOrOrganiser, .stranger): 404
        case (.reader, .reader), (.reader, .otherReader), (.adjudicator, .adjudicator), (.organiser, .organiser),
             (.adjudicatorOrOrganiser, .adjudicator), (.adjudicatorOrOrganiser, .organiser): endpoint.successStatus
        default: 403
        }
    }

    static func body(_ endpoint: Endpoint) -> [String: Any]? {
        switch endpoint {
        case .saveRead: ["label": "2", "seconds_spent": 3]
        case .decideDispute: ["label": "2", "comment": "looked again"]
        default: nil
        }
    }

    @Test func unknownChallengeOrStudyIsNotFoundForEveryone() async throws {
        let server = try await StudyServer()
        for path in ["/api/v1/challenges/nowhere/studies/grading", "/api/v1/challenges/tiny/studies/nothing"] {
            #expect(try await server.send(.get, path, token: server.base.organiser).status == 404, "\(path)")
            #expect(try await server.send(.get, path + "/assignments", token: server.ana).status == 404, "\(path)")
            #expect(try await server.send(.get, path + "/disputes", token: server.ada).status == 404, "\(path)")
        }
        #expect(try await server.send(.get, "/api/v1/challenges/nowhere/studies", token: server.base.organiser).status == 404)
    }

    /// An annotator outside the study hears exactly what it would for a study that does not exist.
    @Test func aStudyAStrangerIsNotBoundToLooksAbsent() async throws {
        let server = try await StudyServer()
        let stranger = try await server.send(.get, StudyServer.path + "/assignments", token: server.base.annotator)
        let absent = try await server.send(.get, "/api/v1/challenges/tiny/studies/grading-nothing/assignments", token: server.base.annotator)
        #expect(stranger.status == 404)
        #expect(stranger.error["code"] as? String == absent.error["code"] as? String)
        #expect((stranger.error["message"] as? String)?.contains("has no study") == true)
    }

    @Test func anOrdinalOutsideTheCallersListIsNotFound() async throws {
        let server = try await StudyServer()
        let total = try server.assignments(of: "ana").count
        #expect(try await server.read(total, token: server.ana, label: "1").status == 404)
        #expect(try await server.send(.get, StudyServer.path + "/assignments/\(total)/reads", token: server.ana).status == 404)
        #expect(try await server.send(.get, StudyServer.path + "/assignments/first/reads", token: server.ana).status == 400)
    }
}
