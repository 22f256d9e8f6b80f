import Annotations
import Foundation
import Geometry
import Testing
import TestSupport

@Suite("GeoJSON writer")
struct GeoJSONWriterTests {
    static let qupathExport = "Fixtures/annotations/qupath-0.5-export.geojson"

    @Test func writtenRegionsReadBackExactlyWithAwkwardCoordinatesAndHoles() throws {
        let regions = [
            PolygonRegion(rings: [AwkwardOutlines.ring]),
            PolygonRegion(rings: [AwkwardOutlines.square(at: -50, -50, side: 200), AwkwardOutlines.hole]),
        ]
        let bytes = try GeoJSONWriter.bytes(regions, file: "out.geojson")
        #expect(try GeoJSONParser.regions(bytes, file: "out.geojson") == regions)
    }

    @Test func seventeenDigitCoordinatesAreWrittenInFull() throws {
        let bytes = try GeoJSONWriter.bytes([PolygonRegion(rings: [AwkwardOutlines.fullPrecisionRing])], file: "a")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("[1000000000000000.5, 12345.678901234567]"))
        #expect(text.contains("[0.30000000000000004, 2251799813685248.5]"))
    }

    /// JSONSerialization hands numbers of 17 significant digits over as NSDecimalNumber on Linux, whose `doubleValue`
    /// is off by an ulp or more (12345.678901234567 reads as 12345.678901234563); GeoJSONParser reads the Double from
    /// its exact decimal text instead.
    @Test func seventeenDigitCoordinatesReadBackExactly() throws {
        let regions = [PolygonRegion(rings: [AwkwardOutlines.fullPrecisionRing])]
        let bytes = try GeoJSONWriter.bytes(regions, file: "out.geojson")
        #expect(try GeoJSONParser.regions(bytes, file: "out.geojson") == regions)
    }

    @Test func classNamesNeedingEscapingAndNonASCIINamesSurviveAsJSON() throws {
        let name = "<&\">\\ \"quoted\"\n\ttab \u{1} Tumör 腫瘍 🔬"
        let classification = GeoJSONWriter.Classification(name: name, color: .init(red: 255, green: 0, blue: 128))
        let feature = GeoJSONWriter.Feature(region: PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)]), id: "a\"b",
                                            name: name, classification: classification)
        let bytes = try GeoJSONWriter.bytes([feature], file: "out.geojson")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let written = try #require((root["features"] as? [[String: Any]])?.first)
        let properties = try #require(written["properties"] as? [String: Any])
        let writtenClass = try #require(properties["classification"] as? [String: Any])
        #expect(written["id"] as? String == "a\"b")
        #expect(properties["name"] as? String == name)
        #expect(writtenClass["name"] as? String == name)
        #expect(writtenClass["color"] as? [Int] == [255, 0, 128])
    }

    @Test func sameFeaturesGiveIdenticalBytes() throws {
        let regions = [PolygonRegion(rings: [AwkwardOutlines.ring]), PolygonRegion(rings: [AwkwardOutlines.square(at: 3, 4)])]
        #expect(try GeoJSONWriter.bytes(regions, file: "a") == GeoJSONWriter.bytes(regions, file: "a"))
    }

    @Test func integralCoordinatesAreWrittenWithoutAFraction() throws {
        let bytes = try GeoJSONWriter.bytes([PolygonRegion(rings: [AwkwardOutlines.square(at: 12, -3)])], classification: nil, file: "a")
        let expected = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":"#
            + #"[[[12, -3],[22, -3],[22, 7],[12, 7],[12, -3]]]},"properties":{"objectType":"annotation"}}]}"# + "\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func noFeaturesWriteAnEmptyCollection() throws {
        let bytes = try GeoJSONWriter.bytes([GeoJSONWriter.Feature](), file: "a")
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"type":"FeatureCollection","features":[]}"# + "\n")
        #expect(try GeoJSONParser.regions(bytes, file: "a").isEmpty)
    }

    @Test func openRingIsClosedOnWriting() throws {
        let open = [PlanePoint(x: 0, y: 0), PlanePoint(x: 4, y: 0), PlanePoint(x: 0, y: 4)]
        let bytes = try GeoJSONWriter.bytes([PolygonRegion(rings: [open])], file: "a")
        #expect(try GeoJSONParser.regions(bytes, file: "a") == [PolygonRegion(rings: [open + [open[0]]])])
    }

    @Test func ringOfTwoPointsIsRefusedAtItsFeatureAndRing() {
        let regions = [PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)]),
                       PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0), [PlanePoint(x: 0, y: 0), PlanePoint(x: 1, y: 1)]])]
        #expect {
            try GeoJSONWriter.bytes(regions, file: "out.geojson")
        } throws: { error in
            "\(error)" == "out.geojson, feature 2, ring 2: a ring needs at least 3 points, found 2"
        }
    }

    @Test func nonFiniteCoordinateIsRefusedAtItsPosition() {
        var ring = AwkwardOutlines.square(at: 0, 0)
        ring[2].y = .nan
        #expect {
            try GeoJSONWriter.bytes([PolygonRegion(rings: [ring])], file: "out.geojson")
        } throws: { error in
            "\(error)".contains("feature 1, ring 1, position 3") && "\(error)".contains("finite")
        }
    }

    @Test func qupathExportReadsBackTheSameAfterWriting() throws {
        let regions = try GeoJSONParser.regions(try RepositoryFiles.bytes(Self.qupathExport), file: Self.qupathExport)
        #expect(regions.count == 3)
        let written = try GeoJSONWriter.bytes(regions, file: "out.geojson")
        #expect(try GeoJSONParser.regions(written, file: "out.geojson") == regions)
    }

    /// QuPath 0.5 wrote this file; given the same outlines, ids, names and colours the writer gives its bytes.
    @Test func qupathExportIsReproducedByteForByte() throws {
        let original = try RepositoryFiles.bytes(Self.qupathExport)
        let regions = try GeoJSONParser.regions(original, file: Self.qupathExport)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(original)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        let rewritten = try zip(regions, features).map { region, feature in
            let properties = try #require(feature["properties"] as? [String: Any])
            let rgb = try #require(properties["color"] as? [Int])
            return GeoJSONWriter.Feature(region: region, id: feature["id"] as? String, name: properties["name"] as? String,
                                         color: .init(red: UInt8(rgb[0]), green: UInt8(rgb[1]), blue: UInt8(rgb[2])))
        }
        #expect(try GeoJSONWriter.bytes(rewritten, file: "out.geojson") == original)
    }

    @Test func classifiedFeatureHasQuPathKeys() throws {
        let feature = GeoJSONWriter.Feature(region: PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)]),
                                            id: "6423a977-ffff-48db-affc-cd11632010f0", classification: .tumor)
        let bytes = try GeoJSONWriter.bytes([feature], file: "a")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let written = try #require((root["features"] as? [[String: Any]])?.first)
        let properties = try #require(written["properties"] as? [String: Any])
        #expect(Set(root.keys) == ["type", "features"])
        #expect(Set(written.keys) == ["type", "id", "geometry", "properties"])
        #expect(properties["objectType"] as? String == "annotation")
        let classification = try #require(properties["classification"] as? [String: Any])
        #expect(classification["name"] as? String == "Tumor")
        #expect(classification["color"] as? [Int] == [200, 0, 0])
    }
}
