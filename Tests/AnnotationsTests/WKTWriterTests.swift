import Annotations
import Geometry
import Testing

@Suite("WKT writer")
struct WKTWriterTests {
    @Test func writtenRegionsReadBackExactlyWithAwkwardCoordinatesAndHoles() throws {
        let regions = [
            PolygonRegion(rings: [AwkwardOutlines.ring]),
            PolygonRegion(rings: [AwkwardOutlines.square(at: -50, -50, side: 200), AwkwardOutlines.hole]),
            PolygonRegion(rings: [AwkwardOutlines.fullPrecisionRing]),
        ]
        let text = try WKTWriter.text(regions, file: "truth.csv", location: "line 2")
        #expect(try WKTParser.regions(text, file: "truth.csv", line: 2) == regions)
    }

    @Test func oneRegionIsAPolygonWithItsHoles() throws {
        let region = PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0), [PlanePoint(x: 2, y: 2), PlanePoint(x: 4.5, y: 2), PlanePoint(x: 2, y: -0.25)]])
        #expect(try WKTWriter.text([region], file: "a", location: "b")
            == "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4.5 2, 2 -0.25, 2 2))")
    }

    @Test func severalRegionsAreAMultiPolygon() throws {
        let regions = [PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0, side: 1)]), PolygonRegion(rings: [AwkwardOutlines.square(at: -3, 1e20, side: 1)])]
        #expect(try WKTWriter.text(regions, file: "a", location: "b")
            == "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((-3 1e+20, -2 1e+20, -2 1e+20, -3 1e+20, -3 1e+20)))")
    }

    @Test func bytesAreTheTextAsUTF8() throws {
        let regions = [PolygonRegion(rings: [AwkwardOutlines.ring])]
        #expect(try WKTWriter.bytes(regions, file: "a", location: "b") == Array(WKTWriter.text(regions, file: "a", location: "b").utf8))
    }

    @Test func noRegionsAreRefused() {
        #expect {
            try WKTWriter.text([], file: "truth.csv", location: "line 7")
        } throws: { error in
            "\(error)".hasPrefix("truth.csv, line 7: no regions")
        }
    }

    @Test func ringOfTwoPointsIsRefusedAtItsRegionAndRing() {
        let regions = [PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)]), PolygonRegion(rings: [[PlanePoint(x: 0, y: 0), PlanePoint(x: 1, y: 1)]])]
        #expect {
            try WKTWriter.text(regions, file: "truth.csv", location: "line 7")
        } throws: { error in
            "\(error)" == "truth.csv, line 7, region 2, ring 1: a ring needs at least 3 points, found 2"
        }
    }

    @Test func infiniteCoordinateIsRefused() {
        var ring = AwkwardOutlines.square(at: 0, 0)
        ring[1].x = -.infinity
        #expect(throws: AnnotationError.self) { try WKTWriter.text([PolygonRegion(rings: [ring])], file: "a", location: "b") }
    }
}
