import Annotations
import Foundation
import Geometry
import Testing
import TestSupport

@Suite("GeoJSON shapes")
struct GeoJSONShapesTests {
    typealias S = ShapeSamples

    private func shapes(_ bytes: [UInt8], limits: ShapeLimits = ShapeLimits()) throws -> [ClassedShape] {
        try GeoJSONParser.shapes(bytes, file: "read.geojson", limits: limits).shapes
    }

    @Test func pointParsesWithItsClass() throws {
        let json = S.collection(S.feature(#"{"type":"Point","coordinates":[10.5, 20]}"#,
                                          properties: #"{"objectType":"annotation","classification":{"name":"Mitosis","color":[255,0,0]}}"#))
        #expect(try shapes(json) == [.point(PlanePoint(x: 10.5, y: 20), className: "Mitosis")])
    }

    @Test func polygonParsesWithItsClassHolesAndOpenRings() throws {
        let json = S.collection(S.feature(#"{"type":"Polygon","coordinates":[[[0,0],[100,0],[100,100],[0,100],[0,0]],[[10,10],[30,10],[30,30],[10,30],[10,10]]]}"#,
                                          properties: #"{"classification":{"name":"Tumor","color":[200,0,0]},"isLocked":true}"#))
        #expect(try shapes(json) == [.polygon(PolygonRegion(rings: [S.square, S.hole]), className: "Tumor")])
    }

    @Test func polygonMarkedAsRectangleParsesAsABox() throws {
        let json = S.collection(S.feature(#"{"type":"Polygon","coordinates":[[[5,6],[25,6],[25,16],[5,16],[5,6]]],"isRectangle":true}"#,
                                          properties: #"{"classification":{"name":"Lymphocytes","color":[0,0,255]}}"#))
        #expect(try shapes(json) == [.box(PlaneBox(x: 5, y: 6, width: 20, height: 10), className: "Lymphocytes")])
    }

    @Test func unmarkedRectangleStaysAPolygonAsQuPathWritesIt() throws {
        let json = S.collection(S.feature(#"{"type":"Polygon","coordinates":[[[5,6],[25,6],[25,16],[5,16],[5,6]]]}"#))
        #expect(try shapes(json).map(\.kind) == [.polygon])
    }

    @Test func multiPointSplitsIntoPointsOfTheFeaturesClass() throws {
        let json = S.collection(S.feature(#"{"type":"MultiPoint","coordinates":[[1,2],[3,4],[5,6,7]]}"#,
                                          properties: #"{"classification":{"name":"Mitosis"}}"#))
        #expect(try shapes(json) == [PlanePoint(x: 1, y: 2), PlanePoint(x: 3, y: 4), PlanePoint(x: 5, y: 6)].map { .point($0, className: "Mitosis") })
    }

    @Test func multiPolygonSplitsIntoPolygonsOfTheFeaturesClass() throws {
        let json = S.collection(S.feature(#"{"type":"MultiPolygon","coordinates":[[[[0,0],[100,0],[100,100],[0,100]]],[[[10,10],[30,10],[30,30],[10,30]]]]}"#,
                                          properties: #"{"classification":{"name":"Tumor"}}"#))
        #expect(try shapes(json) == [.polygon(PolygonRegion(rings: [S.square]), className: "Tumor"),
                                     .polygon(PolygonRegion(rings: [S.hole]), className: "Tumor")])
    }

    @Test func classificationGivenAsAStringIsTheClassName() throws {
        let json = S.collection(S.feature(#"{"type":"Point","coordinates":[1,2]}"#, properties: #"{"classification":"Stroma"}"#))
        #expect(try shapes(json).map(\.className) == ["Stroma"])
    }

    @Test func derivedClassNamesAreJoinedAsQuPathNamesThem() throws {
        let json = S.collection(S.feature(#"{"type":"Point","coordinates":[1,2]}"#, properties: #"{"classification":{"names":["Tumor","Positive"]}}"#))
        #expect(try shapes(json).map(\.className) == ["Tumor: Positive"])
    }

    @Test func absentOrNullClassificationIsUnclassified() throws {
        let json = S.collection(S.feature(#"{"type":"Point","coordinates":[1,2]}"#),
                                S.feature(#"{"type":"Point","coordinates":[1,2]}"#, properties: #"{"classification":null}"#),
                                S.feature(#"{"type":"Point","coordinates":[1,2]}"#, properties: "null"))
        #expect(try shapes(json).map(\.className) == [nil, nil, nil])
    }

    @Test func arrayOfFeaturesAndSingleFeatureParseAsQuPathExportsThem() throws {
        let feature = S.feature(#"{"type":"Point","coordinates":[1,2]}"#, properties: #"{"classification":"A"}"#)
        #expect(try shapes(S.bytes("[\(feature),\(feature)]")).count == 2)
        #expect(try shapes(S.bytes(feature)) == [.point(PlanePoint(x: 1, y: 2), className: "A")])
    }

    @Test func lineStringIsRefusedWithItsFeatureIndexAndType() {
        let json = S.collection(S.feature(#"{"type":"Point","coordinates":[1,2]}"#),
                                S.feature(#"{"type":"LineString","coordinates":[[1,2],[3,4]]}"#))
        #expect {
            try shapes(json)
        } throws: { error in
            "\(error)" == #"read.geojson, feature 2, features[1].geometry.type: geometry type "LineString" is not a shape; expected Point, MultiPoint, Polygon or MultiPolygon"#
        }
    }

    @Test func badPositionIsLocatedByItsFieldPath() {
        let good = S.feature(#"{"type":"Point","coordinates":[1,2]}"#)
        let json = S.collection(good, good, good, S.feature(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],["x",1],[0,0]]]}"#))
        #expect {
            try shapes(json)
        } throws: { error in
            "\(error)".hasPrefix("read.geojson, feature 4, features[3].geometry.coordinates[0][2]: a position must be [x, y] numbers")
        }
    }

    @Test func booleanCoordinateIsNotANumber() {
        #expect(throws: AnnotationError.self) { try shapes(S.collection(S.feature(#"{"type":"Point","coordinates":[true,2]}"#))) }
    }

    @Test func coordinateBeyondDoubleIsRefused() {
        #expect(throws: AnnotationError.self) { try shapes(S.collection(S.feature(#"{"type":"Point","coordinates":[1e400,2]}"#))) }
    }

    @Test func ringOfTwoDistinctVerticesIsRefusedAtItsRing() {
        let json = S.collection(S.feature(#"{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0],[1,1]]]}"#))
        #expect {
            try shapes(json)
        } throws: { error in
            "\(error)" == "read.geojson, feature 1, features[0].geometry.coordinates[0]: a ring needs at least 3 distinct vertices, found 2"
        }
    }

    @Test func rectangleMarkOnAPolygonThatIsNoRectangleIsRefused() {
        let json = S.collection(S.feature(#"{"type":"Polygon","coordinates":[[[0,0],[10,0],[12,10],[0,10],[0,0]]],"isRectangle":true}"#))
        #expect {
            try shapes(json)
        } throws: { error in
            "\(error)".contains("features[0].geometry.coordinates") && "\(error)".contains("axis-aligned rectangle")
        }
    }

    @Test func classificationThatIsANumberIsRefusedAtItsPath() {
        let json = S.collection(S.feature(#"{"type":"Point","coordinates":[1,2]}"#, properties: #"{"classification":3}"#))
        #expect {
            try shapes(json)
        } throws: { error in
            "\(error)".contains("feature 1, features[0].properties.classification:")
        }
    }

    @Test func writtenShapesReadBackExactlyAndRewriteToTheSameBytes() throws {
        let written = try GeoJSONWriter.bytes(S.mixed, file: "out.geojson")
        let read = try GeoJSONParser.shapes(written, file: "out.geojson")
        #expect(read == S.mixed)
        #expect(try GeoJSONWriter.bytes(read, file: "out.geojson") == written)
    }

    @Test func boxIsWrittenAsAClosedRectangleMarkedInItsGeometry() throws {
        let bytes = try GeoJSONWriter.bytes(ShapeSet([.box(PlaneBox(x: 1, y: 2, width: 3, height: 4), className: "Tumor")]), file: "a")
        let expected = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":"#
            + #"[[[1, 2],[4, 2],[4, 6],[1, 6],[1, 2]]],"isRectangle":true},"properties":{"objectType":"annotation","#
            + #""classification":{"name":"Tumor","color":[200, 0, 0]}}}]}"# + "\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func nonFiniteCoordinateIsRefusedOnWritingAtItsShape() {
        let shapes = ShapeSet([.point(PlanePoint(x: 1, y: 2)), .point(PlanePoint(x: .infinity, y: 2))])
        #expect {
            try GeoJSONWriter.bytes(shapes, file: "out.geojson")
        } throws: { error in
            "\(error)".hasPrefix("out.geojson, shape 2: coordinates must be finite")
        }
    }

    @Test func qupathExportReadsAsItsUnclassifiedPolygons() throws {
        let path = GeoJSONWriterTests.qupathExport
        let bytes = try RepositoryFiles.bytes(path)
        let read = try GeoJSONParser.shapes(bytes, file: path)
        let regions = try GeoJSONParser.regions(bytes, file: path)
        #expect(read.shapes.count == 3)
        #expect(read.shapes.allSatisfy { $0.className == nil && $0.kind == .polygon })
        #expect(read.shapes.map(\.geometry) == regions.map { .polygon(PolygonRegion(rings: $0.rings.map(S.open))) })
    }
}
