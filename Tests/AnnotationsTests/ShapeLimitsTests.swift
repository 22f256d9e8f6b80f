import Annotations
import Testing

/// Budgets are checked on the bytes before anything is parsed: each file below is malformed after the point where
/// its limit is passed, so an error about the limit (not the syntax) shows the check came first.
@Suite("Shape file budgets")
struct ShapeLimitsTests {
    typealias S = ShapeSamples
    static let point = S.feature(#"{"type":"Point","coordinates":[1,2]}"#)

    @Test func fileLargerThanItsBudgetIsRefusedUnread() {
        let bytes = S.bytes(String(repeating: "x", count: 101))
        #expect {
            try GeoJSONParser.shapes(bytes, file: "big.geojson", limits: ShapeLimits(maxBytes: 100))
        } throws: { error in
            "\(error)" == "big.geojson, byte 100: the file has 101 bytes; a shapes file may have at most 100"
        }
    }

    @Test func featurePastTheBudgetIsRefusedAtItsByteBeforeParsing() {
        let text = #"{"type":"FeatureCollection","features":["# + [Self.point, Self.point, Self.point].joined(separator: ",") + ",,,garbage"
        let third = text.utf8.count - (Self.point.utf8.count + 10) + #"{"type":"Feature","#.utf8.count
        #expect {
            try GeoJSONParser.shapes(S.bytes(text), file: "many.geojson", limits: ShapeLimits(maxFeatures: 2))
        } throws: { error in
            "\(error)" == "many.geojson, byte \(third): more than 2 features; a shapes file may have at most that many"
        }
    }

    @Test func hugeMultiPointIsRefusedAtThePositionPastTheBudget() {
        let positions = (0..<1000).map { "[\($0),0]" }.joined(separator: ",")
        let text = #"{"type":"MultiPoint","coordinates":["# + positions + "garbage"
        #expect {
            try GeoJSONParser.shapes(S.bytes(text), file: "points.geojson", limits: ShapeLimits(maxVertices: 500))
        } throws: { error in
            "\(error)".hasPrefix("points.geojson, byte ") && "\(error)".hasSuffix("more than 500 positions; a shapes file may have at most that many vertices")
        }
    }

    @Test func nestingDeeperThanTheBudgetIsRefusedAtItsBracket() {
        let bytes = S.bytes(String(repeating: "[", count: 100_000))
        #expect {
            try GeoJSONParser.shapes(bytes, file: "deep.geojson")
        } throws: { error in
            "\(error)" == "deep.geojson, byte 64: arrays and objects nest more than 64 deep"
        }
    }

    @Test func bracketsAndKeysInsideStringsAreNotCounted() throws {
        let properties = #"{"classification":{"name":"[[[[ \"geometry\": [1 ]]] {{{"}}"#
        let text = S.collection(S.feature(#"{"type":"Point","coordinates":[1,2]}"#, properties: properties))
        let shapes = try GeoJSONParser.shapes(text, file: "s.geojson", limits: ShapeLimits(maxFeatures: 1, maxVertices: 1, maxDepth: 5))
        #expect(shapes.shapes.map(\.className) == [#"[[[[ "geometry": [1 ]]] {{{"#])
    }

    @Test func asapAnnotationPastTheBudgetIsRefusedBeforeItIsKept() {
        let annotation = #"<Annotation Name="a" Type="Dot" PartOfGroup="None"><Coordinates><Coordinate Order="0" X="1" Y="2"/></Coordinates></Annotation>"#
        let xml = "<ASAP_Annotations><Annotations>\n" + String(repeating: annotation + "\n", count: 3) + "</Annotations></ASAP_Annotations>"
        #expect {
            try ASAPXMLParser.shapes(S.bytes(xml), file: "many.xml", limits: ShapeLimits(maxFeatures: 2))
        } throws: { error in
            "\(error)" == "many.xml, line 4: more than 2 annotations; a shapes file may have at most that many"
        }
    }

    @Test func asapCoordinatesPastTheBudgetAreRefused() {
        let coordinates = (0..<20).map { #"<Coordinate Order="\#($0)" X="\#($0)" Y="0"/>"# }.joined()
        let xml = #"<ASAP_Annotations><Annotations><Annotation Name="a" Type="PointSet" PartOfGroup="None"><Coordinates>"#
            + coordinates + "</Coordinates></Annotation></Annotations></ASAP_Annotations>"
        #expect {
            try ASAPXMLParser.shapes(S.bytes(xml), file: "points.xml", limits: ShapeLimits(maxVertices: 10))
        } throws: { error in
            "\(error)".contains("more than 10 coordinates")
        }
    }

    @Test func asapFileLargerThanItsBudgetIsRefusedUnread() {
        #expect {
            try ASAPXMLParser.shapes(S.bytes(String(repeating: "<", count: 51)), file: "big.xml", limits: ShapeLimits(maxBytes: 50))
        } throws: { error in
            "\(error)" == "big.xml, byte 50: the file has 51 bytes; a shapes file may have at most 50"
        }
    }
}
