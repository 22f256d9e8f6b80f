import Foundation
import HTTPTypes
import Server
import Store
import Testing

/// What the reader-study routes answer: a reader's own list and reads, versions, validation, adjudication, and the
/// organisers' agreement, consensus and export.
@Suite struct StudyRouteTests {
    /// Every route ben may call, and the ones he may not, answer without a word of ana's reads.
    @Test func oneReadersReadsNeverReachAnother() async throws {
        let server = try await StudyServer()
        try await server.readEverything(ana: { _ in "0" }, ben: { $0 == "r1" ? "2" : "0" })
        let benOrdinal = try #require(try server.assignments(of: "ben").first?.ordinal)
        for endpoint in StudyAccessTests.routes {
            let path = endpoint.path.replacingOccurrences(of: "{challenge}", with: "tiny").replacingOccurrences(of: "{study}", with: "grading")
                .replacingOccurrences(of: "{ordinal}", with: String(benOrdinal)).replacingOccurrences(of: "{id}", with: "1")
            for token in [server.ben, server.base.annotator, server.base.alpha] {
                let reply = try await server.send(endpoint.method, path, token: token, json: StudyAccessTests.body(endpoint))
                #expect(!reply.text.contains("ana-secret"), "\(endpoint.method) \(path): \(reply.text.prefix(300))")
                #expect(!reply.text.contains("\"ana\""), "\(endpoint.method) \(path) names ana")
            }
        }
        // ben's own reads are there, so the check above looked at real answers.
        let own = try await server.send(.get, StudyServer.path + "/assignments/\(benOrdinal)/reads", token: server.ben)
        #expect(own.text.contains("ben-secret-comment"))
    }

    /// The same ordinal names each reader's own assignment: ana's read at 0 is not ben's, and ben sees none of it.
    @Test func anOrdinalIsLookedUpInTheCallersOwnList() async throws {
        let server = try await StudyServer()
        #expect(try await server.read(0, token: server.ana, label: "2", comment: "ana-at-zero").status == 201)
        let bens = try await server.send(.get, StudyServer.path + "/assignments/0/reads", token: server.ben)
        #expect(bens.status == 200)
        #expect((bens.json as? [Any])?.isEmpty == true)
        let list = try await server.send(.get, StudyServer.path + "/assignments", token: server.ben)
        #expect(list.object["completed"] as? Int == 0)
        #expect(!list.text.contains("ana"))
    }

    @Test func theAssignmentListSaysNothingOfWhichEntriesAreRepeats() async throws {
        let server = try await StudyServer()
        let reply = try await server.send(.get, StudyServer.path + "/assignments", token: server.ana)
        #expect(reply.status == 200)
        let entries = try #require(reply.object["assignments"] as? [[String: Any]])
        let stored = try server.assignments(of: "ana")
        #expect(entries.count == stored.count)
        let repeats = stored.filter(\.isRepeat).count
        #expect(repeats > 0, "the fixture has hidden repeats")
        let shapes = Set(entries.map { Set($0.keys) })
        #expect(shapes.count == 1, "every entry has the same keys")
        #expect(!reply.text.lowercased().contains("repeat"))
        #expect(!reply.text.contains("\"r1\"") && !reply.text.contains("item_id"), "no item ids, which would pair a repeat with its first reading")
        #expect(entries.map { $0["ordinal"] as? Int } == stored.map(\.ordinal))
        #expect(reply.object["total"] as? Int == stored.count)
        #expect(reply.object["completed"] as? Int == 0)
        #expect(reply.object["next"] as? Int == stored.first?.ordinal)
    }

    /// A study that asks for no shapes needs no frame: a repeat's entry then differs from its first reading's only by
    /// its ordinal, read state and URLs (its picture is turned on the server).
    @Test func withoutShapesNoEntrySaysWhereItsItemLiesOrHowItIsTurned() async throws {
        let server = try await StudyServer()
        let reply = try await server.send(.get, StudyServer.path + "/assignments", token: server.ana)
        let entries = try #require(reply.object["assignments"] as? [[String: Any]])
        #expect(entries.allSatisfy { $0["size"] is NSNull && $0["item"] == nil && $0["transform"] == nil }, "\(reply.text)")
        #expect(!reply.text.contains("s1.svs") && !reply.text.contains("rotate") && !reply.text.contains("flip"))
    }

    /// Shapes are drawn in the frame the item is shown in: each entry gives its size as shown, and still neither where
    /// the item lies on its slide (two entries with one box would be a repeat) nor how it is turned.
    @Test func withShapesEachEntryGivesItsShownSizeButNotItsBoxOrTurn() async throws {
        let server = try await StudyServer(yaml: StudyShapeAgreementTests.yaml)
        let reply = try await server.send(.get, StudyServer.path + "/assignments", token: server.ana)
        let entries = try #require(reply.object["assignments"] as? [[String: Any]])
        #expect(entries.allSatisfy { $0["size"] as? [Int] == [512, 512] && $0["item"] == nil && $0["transform"] == nil }, "\(reply.text)")
        for secret in ["s1.svs", "box", "rotate", "flip", "1024"] {
            #expect(!reply.text.contains(secret), "\(secret) in \(reply.text)")
        }
    }

    /// A point sent at (10, 20) of a quarter-turned repeat of r2 (box at x 512) is stored where it lies on the slide,
    /// and comes back to the reader where it was drawn.
    @Test func shapesAreSentAndReturnedInTheShownFrameAndStoredOnTheSlide() async throws {
        let server = try await StudyServer(yaml: StudyShapeAgreementTests.yaml.replacingOccurrences(of: "kinds: [polygon]", with: "kinds: [polygon, point]"))
        let turned = try #require(try server.assignments(of: "ana").first { $0.transform == "rotate90" })
        let box = try #require(turned.itemID == "r4" ? (0, 512) : ["r1": (0, 0), "r2": (512, 0), "r3": (1024, 0)][turned.itemID])
        let point: [String: Any] = ["type": "FeatureCollection", "features": [[
            "type": "Feature", "geometry": ["type": "Point", "coordinates": [10, 20]], "properties": ["classification": ["name": "tumour"]],
        ]]]
        let reply = try await server.send(.post, StudyServer.path + "/assignments/\(turned.ordinal)/reads", token: server.ana,
                                          json: ["seconds_spent": 2, "shapes": point])
        #expect(reply.status == 201, "\(reply.text)")
        #expect((reply.object["shapes"] as? String)?.contains("[10, 20]") == true, "\(reply.text)")
        let stored = try #require(try server.base.store.reads(by: "ana", in: try server.study).first?.shapes)
        // Turned clockwise, shown (x, y) is the item's (y, 512 − x).
        #expect(stored.contains("[\(box.0 + 20), \(box.1 + 502)]"), "\(stored)")
        let history = try await server.send(.get, StudyServer.path + "/assignments/\(turned.ordinal)/reads", token: server.ana)
        #expect(history.text.contains("[10, 20]") && !history.text.contains("\(box.1 + 502)]"), "\(history.text)")
    }

    @Test func aReadOfAHiddenRepeatIsStoredAsTheRepeat() async throws {
        let server = try await StudyServer()
        let repeated = try #require(try server.assignments(of: "ana").first(where: \.isRepeat))
        let reply = try await server.read(repeated.ordinal, token: server.ana, label: "1")
        #expect(reply.status == 201)
        #expect(!reply.text.lowercased().contains("repeat"))
        let reads = try server.base.store.reads(by: "ana", in: try server.study)
        #expect(reads.map(\.isRepeat) == [true])
        #expect(reads.map(\.itemID) == [repeated.itemID])
    }

    @Test func anEditIsASecondVersionInTheHistory() async throws {
        let server = try await StudyServer()
        let first = try await server.read(0, token: server.ana, label: "1")
        #expect(first.status == 201)
        #expect(first.object["version"] as? Int == 1)
        #expect(try await server.read(0, token: server.ana, label: "2", comment: "second look").object["version"] as? Int == 2)
        let history = try await server.send(.get, StudyServer.path + "/assignments/0/reads", token: server.ana)
        let versions = try #require(history.json as? [[String: Any]])
        #expect(versions.map { $0["version"] as? Int } == [1, 2])
        #expect(versions.map { $0["label"] as? String } == ["1", "2"])
        let list = try await server.send(.get, StudyServer.path + "/assignments", token: server.ana)
        #expect(list.object["completed"] as? Int == 1)
    }

    @Test func aRetriedIdempotencyKeyReturnsTheSameVersion() async throws {
        let server = try await StudyServer()
        let first = try await server.read(0, token: server.ana, label: "1", key: "save-1")
        let again = try await server.read(0, token: server.ana, label: "1", key: "save-1")
        #expect(again.status == 201)
        #expect(again.object["version"] as? Int == 1)
        #expect(again.object["created_at"] as? String == first.object["created_at"] as? String)
        #expect(try server.base.store.reads(by: "ana", in: try server.study).count == 1)
        // The same key for another assignment is refused without naming that assignment's item.
        let other = try await server.read(1, token: server.ana, label: "1", key: "save-1")
        #expect(other.status == 409)
        #expect(!other.text.contains("\"r"), "\(other.text)")
    }

    @Test func aLabelOutsideTheClassesIsRefusedNamingTheField() async throws {
        let server = try await StudyServer()
        let reply = try await server.read(0, token: server.ana, label: "7")
        #expect(reply.status == 422)
        #expect(reply.error["code"] as? String == "invalid-read")
        let details = try #require(reply.error["details"] as? [[String: Any]])
        #expect(details.first?["field"] as? String == "label")
        #expect((details.first?["message"] as? String)?.contains("0, 1, 2") == true)
    }

    @Test func aBodyThatIsNotARead() async throws {
        let server = try await StudyServer()
        let missing = try await server.send(.post, StudyServer.path + "/assignments/0/reads", token: server.ana, json: ["label": "1"])
        #expect(missing.status == 400)
        #expect((missing.error["message"] as? String)?.contains("seconds_spent") == true)
        let negative = try await server.send(.post, StudyServer.path + "/assignments/0/reads", token: server.ana,
                                             json: ["label": "1", "seconds_spent": -1])
        #expect(negative.status == 422)
        #expect((negative.error["details"] as? [[String: Any]])?.first?["field"] as? String == "seconds_spent")
    }

    @Test func aLargeBodyIsRefusedBeforeItIsRead() async throws {
        let server = try await StudyServer()
        let huge = String(repeating: "x", count: 11 << 20)
        let reply = try await server.send(.post, StudyServer.path + "/assignments/0/reads", token: server.ana,
                                          json: ["label": "1", "seconds_spent": 1, "comment": huge])
        #expect(reply.status == 413)
    }

    @Test func shapesSentAsAnObjectAreKeptAsItsText() async throws {
        let server = try await StudyServer()
        let reply = try await server.send(.post, StudyServer.path + "/assignments/0/reads", token: server.ana,
                                          json: ["seconds_spent": 1, "shapes": ["type": "FeatureCollection", "features": []]])
        // This study asks for no shapes: the refusal names the field, so the object got through the body's decoding.
        #expect(reply.status == 422)
        #expect((reply.error["details"] as? [[String: Any]])?.first?["field"] as? String == "shapes")
    }

    @Test func theAdjudicatorSeesOnlyTheDisputedItemsReadsAndResolvesIt() async throws {
        let server = try await StudyServer()
        try await server.readEverything(ana: { $0 == "r1" ? "0" : "1" }, ben: { $0 == "r1" ? "2" : "1" })
        let before = try await server.send(.get, StudyServer.path + "/disputes", token: server.ada)
        #expect(before.status == 200)
        #expect(before.json as? [Any] != nil && (before.json as? [Any])?.isEmpty == true)
        #expect(!before.text.contains("secret"))
        let disputes = try await server.openDisputes()
        #expect(disputes.count == 1)
        let dispute = try #require(disputes.first)
        #expect(dispute["item_id"] as? String == "r1")
        let reads = try #require(dispute["reads"] as? [[String: Any]])
        #expect(Set(reads.compactMap { $0["reader"] as? String }) == ["ana", "ben"])
        #expect(Set(reads.compactMap { $0["label"] as? String }) == ["0", "2"])
        let text = try await server.send(.get, StudyServer.path + "/disputes", token: server.ada).text
        for item in ["r2", "r3", "r4"] { #expect(!text.contains("secret-comment-\(item)"), "\(item) is not disputed") }
        let id = try #require(dispute["id"] as? Int)
        let decided = try await server.send(.post, StudyServer.path + "/disputes/\(id)/decision", token: server.ada, json: ["label": "2"])
        #expect(decided.status == 200)
        #expect((decided.object["decision"] as? [String: Any])?["label"] as? String == "2")
        #expect((decided.object["reads"] as? [Any])?.isEmpty == true)
        #expect((try await server.send(.get, StudyServer.path + "/disputes", token: server.ada).json as? [Any])?.isEmpty == true)
        let again = try await server.send(.post, StudyServer.path + "/disputes/\(id)/decision", token: server.ada, json: ["label": "1"])
        #expect(again.status == 409)
        let consensus = try await server.send(.post, StudyServer.path + "/consensus", token: server.base.organiser)
        let labels = try #require(consensus.object["labels"] as? [[String: Any]])
        let r1 = try #require(labels.first { $0["item_id"] as? String == "r1" })
        #expect(r1["label"] as? String == "2")
        #expect(r1["adjudicated"] as? Bool == true)
    }

    @Test func aDecisionOutsideTheClassesIsRefused() async throws {
        let server = try await StudyServer()
        try await server.readEverything(ana: { $0 == "r1" ? "0" : "1" }, ben: { $0 == "r1" ? "2" : "1" })
        let id = try #require(try await server.openDisputes().first?["id"] as? Int)
        let reply = try await server.send(.post, StudyServer.path + "/disputes/\(id)/decision", token: server.ada, json: ["label": "9"])
        #expect(reply.status == 422)
        #expect((reply.error["details"] as? [[String: Any]])?.first?["field"] as? String == "label")
        let empty = try await server.send(.post, StudyServer.path + "/disputes/\(id)/decision", token: server.ada, json: ["comment": "?"])
        #expect(empty.status == 422)
    }

    @Test func theOrganisersAgreementHasEveryStatistic() async throws {
        let server = try await StudyServer()
        try await server.readEverything(ana: { $0 == "r1" ? "0" : "1" }, ben: { $0 == "r1" ? "2" : "1" })
        let reply = try await server.send(.get, StudyServer.path + "/agreement?weights=quadratic", token: server.base.organiser)
        #expect(reply.status == 200)
        let agreement = try #require(reply.object["agreement"] as? [String: Any])
        #expect(agreement["items"] as? Int == 4)
        #expect(agreement["weights"] as? String == "quadratic")
        let pairs = try #require(agreement["cohen_kappa"] as? [[String: Any]])
        #expect(pairs.count == 1)
        #expect(pairs.first?["reader_a"] as? String == "ana")
        #expect((pairs.first?["kappa"] as? [String: Any])?.keys.contains("value") == true)
        #expect(agreement["fleiss_kappa"] is [String: Any])
        #expect((agreement["krippendorff_alpha"] as? [String: Any])?["nominal"] != nil)
        #expect((agreement["percent_agreement"] as? [String: Any])?["value"] as? Double == 0.75)
        let consistency = try #require(reply.object["self_consistency"] as? [[String: Any]])
        #expect(Set(consistency.compactMap { $0["reader"] as? String }) == ["ana", "ben"])
        #expect(consistency.allSatisfy { $0["share"] as? Double == 1 })
        #expect(try await server.send(.get, StudyServer.path + "/agreement?weights=cubic", token: server.base.organiser).status == 400)
    }

    @Test func theOrganisersStatusListAndExport() async throws {
        let server = try await StudyServer()
        try await server.readEverything(ana: { _ in "1" }, ben: { _ in "1" })
        try await server.read(0, token: server.ana, label: "2")
        let list = try await server.send(.get, "/api/v1/challenges/tiny/studies", token: server.base.organiser)
        #expect((list.json as? [[String: Any]])?.map { $0["slug"] as? String } == ["grading"])
        let status = try await server.send(.get, StudyServer.path, token: server.base.organiser)
        #expect(status.object["items"] as? Int == 4)
        let total = try server.assignments(of: "ana").count + server.assignments(of: "ben").count
        #expect(status.object["read_versions"] as? Int == total + 1)
        let readers = try #require(status.object["readers"] as? [[String: Any]])
        #expect(readers.map { $0["completed"] as? Int } == readers.map { $0["total"] as? Int })
        let all = try await server.send(.get, StudyServer.path + "/reads", token: server.base.organiser)
        #expect((all.object["reads"] as? [Any])?.count == total + 1)
        let latest = try await server.send(.get, StudyServer.path + "/reads?latest=true&format=csv", token: server.base.organiser)
        #expect(latest.status == 200)
        #expect(latest.headers[.contentType]?.hasPrefix("text/csv") == true)
        let lines = latest.text.split(separator: "\n")
        #expect(lines.first == "item_id,reader,is_repeat,version,created_at,seconds_spent,label,comment")
        #expect(lines.count == total + 1)
        #expect(try await server.send(.get, StudyServer.path + "/reads?format=xml", token: server.base.organiser).status == 400)
    }
}
