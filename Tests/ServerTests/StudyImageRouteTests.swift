import Foundation
import HTTPTypes
import Imaging
import Server
import Store
import Studies
import Testing

/// The pictures of a study's items: a reader gets its own assignment's, turned as the assignment is shown; an
/// adjudicator gets an open dispute's; the picture's digest is never part of what either is told.
@Suite struct StudyImageRouteTests {
    @Test func plainAssignmentsPictureIsTheStoredPNG() async throws {
        let server = try await StudyServer()
        let ordinal = try #require(try server.ordinal(of: "r1", by: "ana"))
        let reply = try await server.send(.get, StudyServer.path + "/assignments/\(ordinal)/image", token: server.ana)
        #expect(reply.status == 200)
        #expect(reply.headers[.contentType] == "image/png")
        #expect(try PNGCodec.decode(reply.body, channels: 4) == StudyServer.picture)
    }

    @Test func hiddenRepeatsPictureIsTurnedOnTheServer() async throws {
        let server = try await StudyServer()
        let repeated = try #require(try server.assignments(of: "ana").first { $0.isRepeat })
        let reply = try await server.send(.get, StudyServer.path + "/assignments/\(repeated.ordinal)/image", token: server.ana)
        let orientation: PNGCodec.Image.Orientation = repeated.transform == "rotate90" ? .clockwise(quarterTurns: 1) : .mirroredTopBottom
        #expect(reply.status == 200)
        #expect(try PNGCodec.decode(reply.body, channels: 4) == StudyServer.picture.oriented(orientation))
        #expect(try PNGCodec.decode(reply.body, channels: 4) != StudyServer.picture)
    }

    @Test func assignmentListLinksThePictureAndNeverShowsItsDigest() async throws {
        let server = try await StudyServer()
        let reply = try await server.send(.get, StudyServer.path + "/assignments", token: server.ana)
        let assignments = try #require((reply.json as? [String: Any])?["assignments"] as? [[String: Any]])
        for assignment in assignments {
            let ordinal = try #require(assignment["ordinal"] as? Int)
            #expect(assignment["image_url"] as? String == StudyServer.path + "/assignments/\(ordinal)/image")
            #expect((assignment["item"] as? [String: Any])?["image"] == nil)
        }
        let digest = try #require(try server.base.store.studyItems(try server.study).first.flatMap(ItemDescription.init)?.image)
        #expect(!reply.text.contains(digest))
    }

    @Test func adjudicatorSeesTheOpenDisputesPictureOnly() async throws {
        let server = try await StudyServer()
        try await server.readEverything(ana: { $0 == "r1" ? "0" : "1" }, ben: { $0 == "r1" ? "2" : "1" })
        let dispute = try #require(try await server.openDisputes().first)
        let id = try #require(dispute["id"] as? Int)
        #expect(dispute["image_url"] as? String == StudyServer.path + "/disputes/\(id)/image")
        let open = try await server.send(.get, StudyServer.path + "/disputes/\(id)/image", token: server.ada)
        #expect(open.status == 200)
        #expect(try PNGCodec.decode(open.body, channels: 4) == StudyServer.picture)
        #expect(try await server.send(.get, StudyServer.path + "/disputes/\(id + 1000)/image", token: server.ada).status == 404)
        let decided = try await server.send(.post, StudyServer.path + "/disputes/\(id)/decision", token: server.ada, json: ["label": "1"])
        #expect(decided.status == 200)
        #expect(try await server.send(.get, StudyServer.path + "/disputes/\(id)/image", token: server.ada).status == 404)
    }

    @Test func itemWithoutAPictureIsNotFoundWithoutNamingTheItem() async throws {
        let server = try await StudyServer(pictures: false)
        let ordinal = try #require(try server.ordinal(of: "r2", by: "ben"))
        let reply = try await server.send(.get, StudyServer.path + "/assignments/\(ordinal)/image", token: server.ben)
        #expect(reply.status == 404)
        #expect(!reply.text.contains("r2"))
    }
}
