import Foundation
import HTTPTypes
import Imaging
import Server
import Store
import Testing
import TestSupport

/// The annotation viewer's routes on a server with a slides folder: Deep Zoom tiles of the reader's own assignments
/// (turned for a hidden repeat), cached by the browser with an ETag, and the viewer's JSON saves, in the shown frame.
@Suite struct ViewerRouteTests {
    static let grading = "/annotate/tiny/grading"
    /// Regions r1…r4 of the study server, moved to lie on the 512 × 768 fixture slide, with shapes and hidden repeats
    /// turned a quarter or mirrored.
    static let yaml = StudyShapeAgreementTests.yaml.replacingOccurrences(of: "kinds: [polygon]", with: "kinds: [polygon, point]")
        .replacingOccurrences(of: "box: [512, 0, 512, 512]", with: "box: [0, 64, 512, 512]")
        .replacingOccurrences(of: "box: [1024, 0, 512, 512]", with: "box: [0, 128, 512, 512]")
        .replacingOccurrences(of: "box: [0, 512, 512, 512]", with: "box: [0, 256, 512, 512]")

    /// A slides folder whose s1.svs and s2.svs are `fixture`, by default a 512 × 768 slide.
    static func slides(_ fixture: String = "vips-jpeg-power-of-two.tiff") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-viewer-slides-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["s1.svs", "s2.svs"] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name),
                                                       withDestinationURL: RepositoryFiles.url("Fixtures/slides/" + fixture))
        }
        return folder
    }

    static func server() async throws -> StudyServer {
        try await StudyServer(yaml: yaml, slides: try slides())
    }

    @Test func aReaderGetsItsAssignmentsTilesWithAStrongETagAndKeepsThem() async throws {
        let server = try await Self.server()
        let session = try server.base.session(server.ana)
        // 512 × 512: ten levels, the finest cut 2 × 2.
        let tile = try await server.base.page(Self.grading + "/0/tiles/9/1_1.jpeg", session: session)
        #expect(tile.status == 200, "\(tile.text)")
        #expect(tile.headers[.contentType] == "image/jpeg")
        #expect(tile.headers[.cacheControl] == "private, max-age=3600")
        let tag = try #require(tile.headers[.eTag])
        #expect(tile.body.starts(with: [0xFF, 0xD8]))
        let again = try await server.base.page(Self.grading + "/0/tiles/9/1_1.jpeg", session: session, headers: [.ifNoneMatch: tag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
    }

    @Test func aTurnedRepeatsTilesAreNotItsFirstReadings() async throws {
        let server = try await Self.server()
        let session = try server.base.session(server.ana)
        let turned = try #require(try server.assignments(of: "ana").first { $0.transform == "rotate90" })
        let plain = try #require(try server.ordinal(of: turned.itemID, by: "ana"))
        let first = try await server.base.page(Self.grading + "/\(plain)/tiles/8/0_0.jpeg", session: session)
        let repeated = try await server.base.page(Self.grading + "/\(turned.ordinal)/tiles/8/0_0.jpeg", session: session)
        #expect(first.status == 200 && repeated.status == 200)
        #expect(first.body != repeated.body)
        #expect(first.headers[.eTag] != repeated.headers[.eTag])
    }

    @Test(arguments: ["/0/tiles/10/0_0.jpeg", "/0/tiles/9/2_0.jpeg", "/0/tiles/9/0_0.png", "/0/tiles/x/0_0.jpeg", "/0/tiles/9/-1_0.jpeg", "/99/tiles/0/0_0.jpeg"])
    func aTileOutsideTheReadersPictureIsNotFound(path: String) async throws {
        let server = try await Self.server()
        let reply = try await server.base.page(Self.grading + path, session: try server.base.session(server.ana))
        #expect(reply.status == 404, "\(path): \(reply.status)")
    }

    @Test func withoutASlidesFolderThereAreNoTilesAndThePageSaysWhy() async throws {
        let server = try await StudyServer(yaml: Self.yaml)
        let session = try server.base.session(server.ana)
        let reply = try await server.base.page(Self.grading + "/0/tiles/0/0_0.jpeg", session: session)
        #expect(reply.status == 404)
        #expect(reply.text.contains("no slides folder"))
        let page = try await server.base.page(Self.grading + "/0", session: session)
        #expect(page.text.contains("data-tiles=\"\""), "the viewer shows the item's picture alone")
    }

    @Test func aSlideThatCannotBeOpenedLeavesThePictureAndNoTiles() async throws {
        let server = try await StudyServer(yaml: Self.yaml, slides: try Self.slides("bad-not-a-tiff.tiff"))
        let session = try server.base.session(server.ana)
        let page = try await server.base.page(Self.grading + "/0", session: session)
        #expect(page.status == 200)
        #expect(page.text.contains("data-tiles=\"\"") && page.text.contains("data-width=\"512\""), "the picture, in the item's frame")
        #expect(try await server.base.page(Self.grading + "/0/tiles/0/0_0.jpeg", session: session).status == 404)
    }

    @Test func anAdjudicatorGetsTheTilesOfOpenDisputesOnly() async throws {
        let server = try await Self.server()
        let session = try server.base.session(server.ada)
        let reply = try await server.base.page(Self.grading + "/disputes/1/tiles/0/0_0.jpeg", session: session)
        #expect(reply.status == 404, "no dispute is open")
        let reader = try await server.base.page(Self.grading + "/disputes/1/tiles/0/0_0.jpeg", session: try server.base.session(server.ana))
        #expect(reader.status == 403)
    }

    /// The item page carries the viewer's frame and the reader's own shapes, and nothing that says where the item lies
    /// on its slide or that it is a repeat.
    @Test func theItemPageCarriesTheViewerButNoSlideCoordinates() async throws {
        let server = try await Self.server()
        let session = try server.base.session(server.ana)
        let turned = try #require(try server.assignments(of: "ana").first { $0.transform == "rotate90" })
        let page = try await server.base.page(Self.grading + "/\(turned.ordinal)", session: session)
        #expect(page.status == 200)
        #expect(page.text.contains("data-viewer") && page.text.contains("data-width=\"512\"") && page.text.contains("data-levels=\"10\""))
        #expect(page.text.contains("src=\"/assets/viewer.js\""))
        for secret in ["s1.svs", "s2.svs", "rotate", "flip", "repeat", turned.itemID + "\""] {
            #expect(!page.text.contains(secret), "\(secret)")
        }
    }

    /// The browser keeps unsent saves per reader, so two readers' pages name different owners.
    @Test func eachReadersPageNamesItsOwnOwnerOfUnsentSaves() async throws {
        let server = try await Self.server()
        func owner(_ token: String) async throws -> String {
            let page = try await server.base.page(Self.grading + "/0", session: try server.base.session(token))
            let after = try #require(page.text.components(separatedBy: "data-owner=\"").dropFirst().first)
            return String(after.prefix { $0 != "\"" })
        }
        let (ana, ben) = (try await owner(server.ana), try await owner(server.ben))
        #expect(ana.count == 24 && ben.count == 24 && ana != ben)
    }

    @Test func theViewerSavesWithTheSessionsFormTokenInAHeader() async throws {
        let server = try await Self.server()
        let session = try server.base.session(server.ana)
        let body = #"{"seconds_spent":3,"shapes":{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[5,6]},"properties":{"classification":{"name":"tumour"}}}]}}"#
        let forged = try await server.base.viewerSave(Self.grading + "/0/reads", session: session, json: body, csrf: "wrong")
        #expect(forged.status == 403)
        #expect(forged.text.contains("invalid-csrf"))
        #expect(forged.headers[.contentSecurityPolicy] != nil)
        let saved = try await server.base.viewerSave(Self.grading + "/0/reads", session: session, json: body)
        #expect(saved.status == 201, "\(saved.text)")
        #expect(saved.text.contains("\"version\":1") && saved.text.contains("[5, 6]"), "\(saved.text)")
        let refused = try await server.base.viewerSave(Self.grading + "/0/reads", session: session, json: #"{"seconds_spent":3,"shapes":{"type":"Nope"}}"#)
        #expect(refused.status == 422)
        #expect(refused.text.contains("invalid-read"))
    }

    /// Saving the form without the viewer (no JavaScript) keeps the shapes drawn before.
    @Test func aGradeSavedByTheFormKeepsTheShapes() async throws {
        let server = try await StudyServer(yaml: Self.yaml.replacingOccurrences(of: "shapes:", with: "label: { classes: challenge }\n  shapes:"),
                                           slides: try Self.slides())
        let session = try server.base.session(server.ana)
        let body = #"{"seconds_spent":3,"shapes":{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[5,6]},"properties":{"classification":{"name":"tumour"}}}]}}"#
        #expect(try await server.base.viewerSave(Self.grading + "/0/reads", session: session, json: body).status == 201)
        let form = try await server.base.post(Self.grading + "/0", session: session, fields: ["label": "1"])
        #expect(form.status == 303, "\(form.text)")
        let reads = try server.base.store.reads(by: "ana", in: try server.study).sorted { $0.version < $1.version }
        #expect(reads.count == 2)
        #expect(reads.last?.label == "1")
        #expect(reads.last?.shapes == reads.first?.shapes)
    }
}

/// The adjudicator's page of a study that asks for grades and shapes: each reader's read in a viewer of its own, and
/// a decision drawn in the item's own frame, stored on the slide.
@Suite struct ViewerAdjudicationTests {
    static let queue = "/annotate/tiny/grading/disputes"
    /// Grades and points on regions of the fixture slide; r2's box starts at (0, 64).
    static let yaml = ViewerRouteTests.yaml.replacingOccurrences(of: "shapes:", with: "label: { classes: challenge }\n  shapes:")
        + "\ntruth: { consensus: majority, min-reads: 2 }\n"

    static func point(_ x: Int, _ y: Int) -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[\#(x),\#(y)]},"properties":{"classification":{"name":"tumour"}}}]}"#
    }

    /// ana and ben tie on r2's grade, each with a point; its dispute open.
    static func disputed() async throws -> (StudyServer, PageSession, Int) {
        let server = try await StudyServer(yaml: yaml, slides: try ViewerRouteTests.slides())
        for (reader, label, x) in [("ana", "0", 10), ("ben", "2", 30)] {
            let ordinal = try #require(try server.ordinal(of: "r2", by: reader))
            let reply = try await server.base.viewerSave("/annotate/tiny/grading/\(ordinal)/reads", session: try server.base.session(server.tokens[reader]!),
                                                        json: #"{"seconds_spent":1,"label":"\#(label)","shapes":\#(point(x, 20))}"#)
            #expect(reply.status == 201, "\(reply.text)")
        }
        let dispute = try #require(try await server.openDisputes().first?["id"] as? Int)
        return (server, try server.base.session(server.ada), dispute)
    }

    @Test func eachReadersReadIsInAViewerOfItsOwnBesideTheDecisions() async throws {
        let (server, session, dispute) = try await Self.disputed()
        let page = try await server.base.page(Self.queue + "/\(dispute)", session: session)
        #expect(page.status == 200)
        #expect(page.text.components(separatedBy: "data-readonly=\"true\"").count == 3, "two readers' viewers")
        #expect(page.text.components(separatedBy: "data-viewer ").count == 4, "and the decision's")
        #expect(page.text.contains("Accept ana's read") && page.text.contains("Accept ben's read"), "\(page.text)")
        // The reads' shapes are in the item's frame: r2 lies at (0, 64), so ana's point is where ana put it.
        #expect(page.text.contains("[10, 20]") && page.text.contains("[30, 20]"))
        let tile = try await server.base.page(Self.queue + "/\(dispute)/tiles/9/0_0.jpeg", session: session)
        #expect(tile.status == 200)
    }

    @Test func aDecisionDrawnByTheAdjudicatorIsStoredOnTheSlide() async throws {
        let (server, session, dispute) = try await Self.disputed()
        let decided = try await server.base.post(Self.queue + "/\(dispute)", session: session, fields: ["label": "1", "shapes": Self.point(100, 200)])
        #expect(decided.status == 303, "\(decided.text)")
        let stored = try #require(try server.base.store.disputes(try server.study, openOnly: false).first?.decision?.decision)
        #expect(stored.label == "1")
        #expect(stored.shapes?.contains("[100, 264]") == true, "\(stored.shapes ?? "none")")
    }

    @Test func aDecisionWithShapesOutsideTheStudysClassesIsRefusedOnItsPage() async throws {
        let (server, session, dispute) = try await Self.disputed()
        let refused = try await server.base.post(Self.queue + "/\(dispute)", session: session,
                                                 fields: ["label": "1", "shapes": Self.point(1, 2).replacingOccurrences(of: "tumour", with: "stroma")])
        #expect(refused.status == 422)
        #expect(refused.text.contains("Not decided"))
    }
}
