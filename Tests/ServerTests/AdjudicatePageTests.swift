import Foundation
import HTTPTypes
import Imaging
import Server
import Store
import Testing

/// The adjudicator's pages: its queue, a disputed item's picture with the readers' grades side by side, and a
/// decision by accepting one of them or choosing another.
@Suite struct AdjudicatePageTests {
    static let queue = "/annotate/tiny/grading/disputes"

    /// A study server where ana and ben tie on r1 (0 against 2), its dispute open, and the adjudicator's session.
    static func disputed() async throws -> (StudyServer, PageSession, Int) {
        let server = try await StudyServer()
        try await server.readEverything(ana: { $0 == "r1" ? "0" : "1" }, ben: { $0 == "r1" ? "2" : "1" })
        let dispute = try #require(try await server.openDisputes().first?["id"] as? Int)
        return (server, try server.base.session(server.ada), dispute)
    }

    @Test func theQueueListsTheOpenDisputeAndTheStudyListLinksIt() async throws {
        let (server, session, dispute) = try await Self.disputed()
        let list = try await server.base.page("/annotate", session: session)
        #expect(list.text.contains("1 open dispute"), "\(list.text)")
        #expect(list.text.contains("href=\"\(Self.queue)\""))
        let queue = try await server.base.page(Self.queue, session: session)
        #expect(queue.status == 200)
        #expect(queue.text.contains("href=\"\(Self.queue)/\(dispute)\""))
    }

    @Test func theDisputeShowsBothReadersGradesAndThePicture() async throws {
        let (server, session, dispute) = try await Self.disputed()
        let page = try await server.base.page(Self.queue + "/\(dispute)", session: session)
        #expect(page.status == 200)
        #expect(page.text.contains("<strong>ana</strong>") && page.text.contains("<strong>ben</strong>"))
        #expect(page.text.contains("Accept 0") && page.text.contains("Accept 2"), "\(page.text)")
        let picture = try await server.base.page(Self.queue + "/\(dispute)/image", session: session)
        #expect(try PNGCodec.decode(picture.body, channels: 4) == StudyServer.picture)
    }

    @Test func acceptingAGradeDecidesTheDisputeAndClosesItsPage() async throws {
        let (server, session, dispute) = try await Self.disputed()
        let decided = try await server.base.post(Self.queue + "/\(dispute)", session: session, fields: ["label": "2"])
        #expect(decided.status == 303)
        #expect(decided.headers[.location] == Self.queue + "?decided=r1")
        let stored = try #require(try server.base.store.disputes(try server.study, openOnly: false).first)
        #expect(stored.decision?.adjudicator == "ada")
        #expect(stored.decision?.decision.label == "2")
        #expect(try await server.base.page(Self.queue + "/\(dispute)", session: session).status == 404)
        #expect(try await server.base.page(Self.queue + "/\(dispute)/image", session: session).status == 404)
    }

    @Test func aGradeOutsideTheClassesIsNotDecided() async throws {
        let (server, session, dispute) = try await Self.disputed()
        let reply = try await server.base.post(Self.queue + "/\(dispute)", session: session, fields: ["label": "9"])
        #expect(reply.status == 422)
        #expect(reply.text.contains("Not decided"))
        #expect(try server.base.store.openDisputes(try server.study).count == 1)
    }

    @Test func aReaderCannotOpenTheQueueOrADispute() async throws {
        let (server, _, dispute) = try await Self.disputed()
        let reader = try server.base.session(server.ana)
        for path in [Self.queue, Self.queue + "/\(dispute)", Self.queue + "/\(dispute)/image"] {
            let reply = try await server.base.page(path, session: reader)
            #expect(reply.status == 403, "\(path): \(reply.status)")
            #expect(!reply.text.contains("ben-secret-comment"))
        }
    }
}
