import Annotations
import Geometry
import PlatformSupport
import Scoring
import Store
import Studies
import Testing

/// STAPLE consensus of shape reads: per item and class, the readers' masks combined and traced back into polygons.
@Suite("STAPLE consensus")
struct StapleConsensusTests {
    /// Three readers read every region r1…r6 (boxes of 512 × 512 from x = 512 i); an item needs 2 reads.
    static let stapleStudy = StudyFixture.yaml(
        readsPerItem: 3, questions: "shapes: { kinds: [polygon, box], classes: [tumour, stroma] }",
        truth: "truth: { consensus: staple, min-reads: 2 }")

    static func fixture() throws -> StudyFixture { try StudyFixture(yaml: stapleStudy) }

    /// A FeatureCollection of the given rings (each a polygon of `className`); none gives an empty one.
    static func geoJSON(_ rings: [[(Int, Int)]], className: String = "tumour") -> String {
        let features = rings.map { ring in
            let points = (ring + [ring[0]]).map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
            return #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[\#(points)]]},"properties":{"classification":{"name":"\#(className)"}}}"#
        }
        return #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
    }

    static func square(x: Int, y: Int, size: Int) -> [(Int, Int)] {
        [(x, y), (x + size, y), (x + size, y + size), (x, y + size)]
    }

    static func save(_ fixture: StudyFixture, _ item: String, by reader: String, shapes: String?) throws {
        _ = try fixture.study.save(NewStudyRead(itemID: item, reader: reader, secondsSpent: 30, shapes: shapes), now: fixture.platform.at(10))
    }

    /// r1's grid, as the consensus rasterises on it.
    static let r1Grid = try! ItemGrid(originX: 512, originY: 0, width: 512, height: 512)

    static func region(_ ring: [(Int, Int)]) -> PolygonRegion {
        PolygonRegion(rings: [ring.map { PlanePoint(x: Double($0.0), y: Double($0.1)) }])
    }

    @Test func twoOfThreeReadersDrawingASquareMakeTheSquareTheConsensus() throws {
        let fixture = try Self.fixture()
        let square = Self.square(x: 600, y: 10, size: 100)
        try Self.save(fixture, "r1", by: "ana", shapes: Self.geoJSON([square]))
        try Self.save(fixture, "r1", by: "ben", shapes: Self.geoJSON([square]))
        try Self.save(fixture, "r1", by: "cleo", shapes: Self.geoJSON([]))
        let consensus = try fixture.study.stapleConsensus().consensus
        let mask = try #require(consensus.masks.first)
        #expect(consensus.masks.map(\.itemID) == ["r1"] && mask.className == "tumour")
        #expect(mask.cells == Self.r1Grid.mask([Self.region(square)]))
        #expect(mask.area == 100 * 100)
        #expect(mask.readers.map(\.reader) == ["ana", "ben", "cleo"])
        #expect(mask.readers.map(\.sensitivity) == [1, 1, 0])
    }

    @Test func oneOfThreeReadersDrawingASquareMakesNoConsensus() throws {
        let fixture = try Self.fixture()
        try Self.save(fixture, "r1", by: "ana", shapes: Self.geoJSON([Self.square(x: 600, y: 10, size: 100)]))
        try Self.save(fixture, "r1", by: "ben", shapes: nil)
        try Self.save(fixture, "r1", by: "cleo", shapes: Self.geoJSON([]))
        let mask = try #require(try fixture.study.stapleConsensus().consensus.masks.first)
        #expect(mask.area == 0 && mask.regions.isEmpty)
    }

    @Test func theTracedPolygonsRasteriseBackToExactlyTheConsensusMask() throws {
        let fixture = try Self.fixture()
        // A frame with a hole, drawn as an outline with a hole ring, and a triangle with slanted edges.
        let frame = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[550,20],[800,20],[800,300],[550,300],[550,20]],[[600,80],[700,80],[700,200],[600,200],[600,80]]]},"properties":{"classification":{"name":"tumour"}}},{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[850,350],[1000,500],[820,480],[850,350]]]},"properties":{"classification":{"name":"stroma"}}}]}"#
        for reader in ["ana", "ben", "cleo"] { try Self.save(fixture, "r1", by: reader, shapes: frame) }
        let masks = try fixture.study.stapleConsensus().consensus.masks
        #expect(masks.map(\.className) == ["tumour", "stroma"])
        for mask in masks {
            #expect(mask.area > 0)
            #expect(mask.grid.mask(mask.regions) == mask.cells, "\(mask.className)")
        }
        #expect(masks[0].regions.map(\.rings.count) == [2])
    }

    @Test func anItemWithFewerThanMinReadsIsPending() throws {
        let fixture = try Self.fixture()
        try Self.save(fixture, "r2", by: "ana", shapes: Self.geoJSON([Self.square(x: 1100, y: 10, size: 50)]))
        let consensus = try fixture.study.stapleConsensus().consensus
        #expect(consensus.masks.isEmpty)
        #expect(consensus.pending == ["r1", "r2", "r3", "r4", "r5", "r6"])
    }

    @Test func anItemOnWhichNoReaderDrewIsBlankNotPending() throws {
        let fixture = try Self.fixture()
        try Self.save(fixture, "r3", by: "ana", shapes: Self.geoJSON([]))
        try Self.save(fixture, "r3", by: "ben", shapes: nil)
        let consensus = try fixture.study.stapleConsensus().consensus
        #expect(consensus.masks.isEmpty && consensus.blank == ["r3"])
        #expect(!consensus.pending.contains("r3"))
    }

    @Test func theProvenanceKeepsEachReadersSensitivityAndSpecificityAndTheReads() throws {
        let fixture = try Self.fixture()
        let square = Self.square(x: 600, y: 10, size: 100)
        try Self.save(fixture, "r1", by: "ana", shapes: Self.geoJSON([square]))
        try Self.save(fixture, "r1", by: "ben", shapes: Self.geoJSON([square]))
        let provenance = try fixture.study.stapleConsensus().provenance
        #expect(provenance.recipe.method == "staple" && provenance.recipe.threshold == 0.5)
        let mask = try #require(provenance.masks?.first)
        #expect(mask.itemID == "r1" && mask.className == "tumour" && mask.areaCells == 10_000 && mask.polygons == 1)
        #expect(mask.readers.map(\.reader) == ["ana", "ben"] && mask.readers.allSatisfy { $0.sensitivity == 1 })
        #expect(mask.reads.map(\.reader) == ["ana", "ben"] && mask.reads.allSatisfy { $0.version == 1 && $0.label == nil })
        #expect(provenance.truth == nil && provenance.agreement == nil && provenance.items.isEmpty)
    }
}
