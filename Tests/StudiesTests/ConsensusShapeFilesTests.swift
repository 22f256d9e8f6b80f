import Annotations
import Geometry
import PlatformSupport
import Scoring
import Store
import Studies
import Testing

/// Consensus exported as shapes: files the Annotations parsers read back to the consensus.
@Suite("Consensus shape files")
struct ConsensusShapeFilesTests {
    /// A majority study where r1 is agreed on 2 by both its readers.
    static func labelled() throws -> (StudyFixture, StudyConsensus) {
        let fixture = try StudyFixture()
        for reader in try fixture.readers(of: "r1") { try fixture.read("r1", by: reader, label: "2") }
        return (fixture, try fixture.study.consensus(now: fixture.platform.at(20)))
    }

    static func labelFile(_ format: ConsensusFormat) throws -> ConsensusShapeFiles.File {
        let (fixture, consensus) = try labelled()
        let files = try ConsensusShapeFiles.labels(consensus, classes: ["0", "1", "2"], items: try fixture.store.studyItems(fixture.study.study),
                                                   format: format)
        #expect(files.files.map(\.name) == ["s1" + (format == .asap ? ".xml" : ".geojson")] && files.unplaced.isEmpty)
        return try #require(files.files.first)
    }

    static let r1Box = ClassedShape.box(PlaneBox(x: 512, y: 0, width: 512, height: 512), className: "2")

    @Test func aLabelledItemIsItsBoxInGeoJSONWithItsIdVotesAndAdjudication() throws {
        let file = try Self.labelFile(.geojson)
        #expect(try GeoJSONParser.shapes(file.bytes, file: file.name) == ShapeSet([Self.r1Box]))
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(text.contains(#""adjudicated":false,"item_id":"r1","votes":{"0":0,"1":0,"2":2}"#), "\(text)")
    }

    @Test func aLabelledItemIsARectangleInASAPNamedWithItsVotes() throws {
        let file = try Self.labelFile(.asap)
        #expect(try ASAPXMLParser.shapes(file.bytes, file: file.name) == ShapeSet([Self.r1Box]))
        #expect(String(decoding: file.bytes, as: UTF8.self).contains(#"Name="r1: votes 0=0 1=0 2=2""#))
    }

    /// r1 read by all three readers: a frame with a hole and a square of tumour.
    static func staple() throws -> (StudyFixture, StapleConsensus) {
        let fixture = try StapleConsensusTests.fixture()
        let frame = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[550,20],[800,20],[800,300],[550,300],[550,20]],[[600,80],[700,80],[700,200],[600,200],[600,80]]]},"properties":{"classification":{"name":"tumour"}}},{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[850,350],[900,350],[900,400],[850,400],[850,350]]]},"properties":{"classification":{"name":"tumour"}}}]}"#
        for reader in ["ana", "ben", "cleo"] { try StapleConsensusTests.save(fixture, "r1", by: reader, shapes: frame) }
        return (fixture, try fixture.study.stapleConsensus().consensus)
    }

    @Test func stapleGeoJSONParsesBackToTheTracedPolygons() throws {
        let (fixture, consensus) = try Self.staple()
        let files = try ConsensusShapeFiles.staple(consensus, items: try fixture.store.studyItems(fixture.study.study), format: .geojson)
        let file = try #require(files.files.first)
        let mask = try #require(consensus.masks.first)
        #expect(try GeoJSONParser.shapes(file.bytes, file: file.name) == ShapeSet(mask.regions.map { .polygon($0, className: "tumour") }))
        #expect(mask.regions.map(\.rings.count) == [2, 1])
    }

    @Test func stapleASAPParsesBackToOutlinesWithoutHolesCoveringTheConsensusMask() throws {
        let (fixture, consensus) = try Self.staple()
        let files = try ConsensusShapeFiles.staple(consensus, items: try fixture.store.studyItems(fixture.study.study), format: .asap)
        let file = try #require(files.files.first)
        let shapes = try ASAPXMLParser.shapes(file.bytes, file: file.name).shapes
        let mask = try #require(consensus.masks.first)
        #expect(shapes.allSatisfy { $0.className == "tumour" && $0.geometry.region?.rings.count == 1 })
        #expect(mask.grid.mask(shapes.compactMap(\.geometry.region)) == mask.cells)
    }
}
