import Foundation
import HTTPTypes
import Imaging
import Server
import Store
import Testing

/// The reader's pages: a reader signed in with its annotator token reads its own list item by item, with the item's
/// picture, a grade and a comment, and never meets another reader's read or the item's id.
@Suite struct AnnotatePageTests {
    static let grading = "/annotate/tiny/grading"

    @Test func theListShowsTheReadersStudyWithItsProgress() async throws {
        let server = try await StudyServer()
        let session = try server.base.session(server.ana)
        let reply = try await server.base.page("/annotate", session: session)
        #expect(reply.status == 200)
        #expect(reply.text.contains("Grading"))
        #expect(reply.text.contains("0 of 6 read"), "\(reply.text)")
        #expect(reply.text.contains("href=\"\(Self.grading)/0\""))
    }

    @Test func savingAGradeGoesOnToTheNextItemAndTheFormComesBackChecked() async throws {
        let server = try await StudyServer()
        let session = try server.base.session(server.ana)
        let item = try await server.base.page(Self.grading + "/0", session: session)
        #expect(item.status == 200)
        #expect(item.text.contains("Item 1 of 6"))
        #expect(item.text.contains("src=\"\(Self.grading)/0/image\""))
        let saved = try await server.base.post(Self.grading + "/0", session: session, fields: ["label": "2", "comment": "mitoses", "shown_at": "0"])
        #expect(saved.status == 303)
        #expect(saved.headers[.location] == Self.grading + "/1?saved=1")
        let read = try #require(try server.base.store.reads(by: "ana", in: try server.study).first)
        #expect((read.label, read.comment, read.version) == ("2", "mitoses", 1))
        let again = try await server.base.page(Self.grading + "/0", session: session)
        #expect(again.text.contains("value=\"2\" checked"), "\(again.text)")
        #expect(again.text.contains("Your read is saved (version 1"))
    }

    @Test func resendingTheSameFormSavesOneVersion() async throws {
        let server = try await StudyServer()
        let session = try server.base.session(server.ana)
        for _ in 0..<2 {
            _ = try await server.base.post(Self.grading + "/0", session: session, fields: ["label": "1", "form_key": "form-1"])
        }
        #expect(try server.base.store.reads(by: "ana", in: try server.study).count == 1)
    }

    @Test func aGradeOutsideTheClassesComesBackUnsavedWithTheReason() async throws {
        let server = try await StudyServer()
        let session = try server.base.session(server.ana)
        let reply = try await server.base.post(Self.grading + "/0", session: session, fields: ["label": "7"])
        #expect(reply.status == 422)
        #expect(reply.text.contains("Not saved"))
        #expect(reply.text.contains("&quot;7&quot; is not one of the study&#39;s classes (0, 1, 2)"), "\(reply.text)")
        #expect(try server.base.store.reads(by: "ana", in: try server.study).isEmpty)
    }

    @Test func theItemsPictureIsTheReadersAndARepeatIsTurned() async throws {
        let server = try await StudyServer()
        let session = try server.base.session(server.ana)
        let repeated = try #require(try server.assignments(of: "ana").first { $0.isRepeat })
        let reply = try await server.base.page(Self.grading + "/\(repeated.ordinal)/image", session: session)
        #expect(reply.status == 200)
        #expect(reply.headers[.contentType] == "image/png")
        #expect(try PNGCodec.decode(reply.body, channels: 4) != StudyServer.picture)
    }

    @Test func anotherReadersItemPageNeverShowsTheirGradeOrTheItemsID() async throws {
        let server = try await StudyServer()
        try await server.readEverything(ana: { _ in "2" }, ben: { _ in "0" })
        let session = try server.base.session(server.ben)
        for assignment in try server.assignments(of: "ben") {
            let reply = try await server.base.page(Self.grading + "/\(assignment.ordinal)", session: session)
            #expect(reply.status == 200)
            #expect(!reply.text.contains("value=\"2\" checked"))
            #expect(!reply.text.contains("ana-secret-comment"), "the comment of ana's read")
            #expect(!reply.text.contains(">\(assignment.itemID)<") && !reply.text.contains("\"\(assignment.itemID)\""))
        }
        let outside = try server.assignments(of: "ben").count
        #expect(try await server.base.page(Self.grading + "/\(outside)", session: session).status == 404)
    }
}
