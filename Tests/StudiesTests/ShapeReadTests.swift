import Challenge
import PlatformSupport
import Scoring
import Store
import Studies
import Testing

/// Reads with shapes: checked as QuPath GeoJSON against the study's kinds and classes, and compared between readers.
@Suite("Reads with shapes")
struct ShapeReadTests {
    static let shapesStudy = StudyFixture.yaml(questions: "shapes: { kinds: [polygon, point], classes: [tumour, stroma] }", truth: "")

    /// A square polygon of `size` at (x, y) and a point, both of `className`.
    static func geoJSON(x: Int, y: Int, size: Int = 100, className: String = "tumour", pointAt point: (Int, Int)? = nil) -> String {
        let ring = "[[\(x),\(y)],[\(x + size),\(y)],[\(x + size),\(y + size)],[\(x),\(y + size)],[\(x),\(y)]]"
        var features = [#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[\#(ring)]},"properties":{"classification":{"name":"\#(className)"}}}"#]
        if let point {
            features.append(#"{"type":"Feature","geometry":{"type":"Point","coordinates":[\#(point.0),\#(point.1)]},"properties":{"classification":{"name":"\#(className)"}}}"#)
        }
        return #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
    }

    static func save(_ fixture: StudyFixture, _ item: String, by reader: String, shapes: String) throws {
        _ = try fixture.study.save(NewStudyRead(itemID: item, reader: reader, secondsSpent: 30, shapes: shapes), now: fixture.platform.at(10))
    }

    @Test func aShapeOfAClassOutsideTheStudysIsRefusedWithItsIndex() throws {
        let fixture = try StudyFixture(yaml: Self.shapesStudy)
        let item = try fixture.items(of: "ana")[0]
        let refusal = #expect(throws: StudyError.self) {
            try Self.save(fixture, item, by: "ana", shapes: Self.geoJSON(x: 600, y: 10, className: "necrosis"))
        }
        guard case .invalidRead(_, let field, let reason) = refusal else { Issue.record("\(String(describing: refusal))"); return }
        #expect(field == "shapes[0].classification")
        #expect(reason.contains("\"necrosis\""))
    }

    @Test func shapesAreMeasuredAsSentWhenTheyWereMappedOntoTheSlide() throws {
        let fixture = try StudyFixture(yaml: Self.shapesStudy)
        let stored = Self.geoJSON(x: 100_000, y: 200_000)
        let validator = ReadValidator(questions: fixture.study.spec.questions, maxShapesBytes: stored.utf8.count - 1)
        let read = NewStudyRead(itemID: "i", reader: "ana", secondsSpent: 3, shapes: stored)
        #expect(throws: StudyError.self) { try validator.check(read) }
        // Sent in the item's own frame (smaller numbers), within the limit: the slide's larger numbers do not count.
        try validator.check(read, shapesBytesAsSent: Self.geoJSON(x: 0, y: 0).utf8.count)
        #expect(throws: StudyError.self) { try validator.check(read, shapesBytesAsSent: stored.utf8.count) }
    }

    @Test func aShapeOfAKindTheStudyDoesNotTakeIsRefused() throws {
        let fixture = try StudyFixture(yaml: StudyFixture.yaml(questions: "shapes: { kinds: [point], classes: [tumour] }", truth: ""))
        let item = try fixture.items(of: "ana")[0]
        #expect(throws: StudyError.invalidRead(item: item, field: "shapes[0]", reason: "a polygon, but this study takes point")) {
            try Self.save(fixture, item, by: "ana", shapes: Self.geoJSON(x: 600, y: 10))
        }
    }

    @Test func shapesThatAreNotGeoJSONAreRefusedWithTheParsersReason() throws {
        let fixture = try StudyFixture(yaml: Self.shapesStudy)
        let item = try fixture.items(of: "ana")[0]
        let refusal = #expect(throws: StudyError.self) { try Self.save(fixture, item, by: "ana", shapes: "{\"type\": \"Feature\"") }
        guard case .invalidRead(_, let field, _) = refusal else { Issue.record("\(String(describing: refusal))"); return }
        #expect(field == "shapes")
    }

    @Test func identicalShapesAgreeFullyAndHalfOverlappingOnesByDice() throws {
        let fixture = try StudyFixture(yaml: Self.shapesStudy)
        // r1's box starts at x = 512: the same square for both readers; r2 (x from 1024): squares overlapping by half.
        let (r1, r2) = (try fixture.readers(of: "r1"), try fixture.readers(of: "r2"))
        for reader in r1 { try Self.save(fixture, "r1", by: reader, shapes: Self.geoJSON(x: 600, y: 10, pointAt: (700, 300))) }
        try Self.save(fixture, "r2", by: r2[0], shapes: Self.geoJSON(x: 1100, y: 10, pointAt: (1100, 300)))
        try Self.save(fixture, "r2", by: r2[1], shapes: Self.geoJSON(x: 1150, y: 10, pointAt: (1104, 303)))
        let agreement = try fixture.study.shapeAgreement(pointRadius: 5)
        let dice = try #require(agreement.polygons)
        #expect(dice.items.map(\.mean) == [1, 0.5])
        let points = try #require(agreement.points)
        #expect(points.items.map(\.mean) == [1, 1])
        #expect(try fixture.study.shapeAgreement(pointRadius: 4).points?.items.map(\.mean) == [1, 0])
    }
}
