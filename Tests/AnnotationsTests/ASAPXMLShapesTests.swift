import Annotations
import Geometry
import Testing
import TestSupport

@Suite("ASAP XML shapes")
struct ASAPXMLShapesTests {
    typealias S = ShapeSamples
    static let camelyon17 = "Fixtures/annotations/asap-camelyon17-patient_004_node_4.xml"

    private func shapes(_ annotations: String...) throws -> [ClassedShape] {
        let xml = "<?xml version=\"1.0\"?>\n<ASAP_Annotations><Annotations>\n" + annotations.joined(separator: "\n")
            + "\n</Annotations><AnnotationGroups /></ASAP_Annotations>"
        return try ASAPXMLParser.shapes(S.bytes(xml), file: "read.xml").shapes
    }

    private func annotation(_ type: String, group: String, _ points: [(Double, Double)]) -> String {
        let coordinates = points.enumerated().map { #"<Coordinate Order="\#($0)" X="\#($1.0)" Y="\#($1.1)" />"# }.joined()
        return ##"<Annotation Name="a" Type="\##(type)" PartOfGroup="\##(group)" Color="#F4FA58"><Coordinates>"##
            + coordinates + "</Coordinates></Annotation>"
    }

    @Test func dotParsesAsAPointOfItsGroup() throws {
        #expect(try shapes(annotation("Dot", group: "Mitosis", [(3.5, 4)])) == [.point(PlanePoint(x: 3.5, y: 4), className: "Mitosis")])
    }

    @Test func pointSetSplitsIntoPointsOfItsGroup() throws {
        #expect(try shapes(annotation("PointSet", group: "Mitosis", [(1, 2), (3, 4)]))
                == [.point(PlanePoint(x: 1, y: 2), className: "Mitosis"), .point(PlanePoint(x: 3, y: 4), className: "Mitosis")])
    }

    @Test func polygonParsesWithItsGroup() throws {
        #expect(try shapes(annotation("Polygon", group: "Tumor", [(0, 0), (100, 0), (100, 100), (0, 100)]))
                == [.polygon(PolygonRegion(rings: [S.square]), className: "Tumor")])
    }

    @Test func splineParsesAsThePolygonThroughItsControlPoints() throws {
        #expect(try shapes(annotation("Spline", group: "Tumor", [(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)]))
                == [.polygon(PolygonRegion(rings: [S.square]), className: "Tumor")])
    }

    @Test func rectangleParsesAsABoxOfItsGroup() throws {
        #expect(try shapes(annotation("Rectangle", group: "Lymphocytes", [(5, 6), (25, 6), (25, 16), (5, 16)]))
                == [.box(PlaneBox(x: 5, y: 6, width: 20, height: 10), className: "Lymphocytes")])
    }

    @Test func groupNoneIsUnclassified() throws {
        #expect(try shapes(annotation("Dot", group: "None", [(1, 1)])).map(\.className) == [nil])
    }

    @Test func measurementIsRefusedWithItsAnnotationAndType() {
        #expect {
            try shapes(annotation("Dot", group: "A", [(1, 1)]), annotation("Measurement", group: "A", [(0, 0), (5, 5)]))
        } throws: { error in
            "\(error)" == #"read.xml, line 4, annotation 2: annotation type "Measurement" is not a shape; expected Dot, PointSet, Polygon, Spline or Rectangle"#
        }
    }

    @Test func rectangleWhoseCornersAreNoAxisAlignedRectangleIsRefused() {
        #expect {
            try shapes(annotation("Rectangle", group: "A", [(0, 0), (10, 0), (12, 10), (0, 10)]))
        } throws: { error in
            "\(error)".contains("annotation 1") && "\(error)".contains("axis-aligned rectangle")
        }
    }

    @Test func dotWithTwoCoordinatesIsRefused() {
        #expect {
            try shapes(annotation("Dot", group: "A", [(0, 0), (1, 1)]))
        } throws: { error in
            "\(error)".hasSuffix("annotation 1: a Dot has one Coordinate, found 2")
        }
    }

    @Test func writtenShapesReadBackExactlyAndRewriteToTheSameBytes() throws {
        let written = try ASAPXMLWriter.bytes(S.mixed, file: "out.xml")
        let read = try ASAPXMLParser.shapes(written, file: "out.xml")
        #expect(read == S.mixed)
        #expect(try ASAPXMLWriter.bytes(read, file: "out.xml") == written)
    }

    @Test func shapesAreWrittenAsASAPTypesWithTheirGroups() throws {
        let set = ShapeSet([.point(PlanePoint(x: 1, y: 2), className: "Tumor"), .box(PlaneBox(x: 0, y: 0, width: 2, height: 3))])
        let text = String(decoding: try ASAPXMLWriter.bytes(set, groups: [.tumor], file: "out.xml"), as: UTF8.self)
        #expect(text == """
            <?xml version="1.0"?>
            <ASAP_Annotations>
            \t<Annotations>
            \t\t<Annotation Name="Annotation 0" Type="Dot" PartOfGroup="Tumor" Color="#F4FA58">
            \t\t\t<Coordinates>
            \t\t\t\t<Coordinate Order="0" X="1" Y="2" />
            \t\t\t</Coordinates>
            \t\t</Annotation>
            \t\t<Annotation Name="Annotation 1" Type="Rectangle" PartOfGroup="None" Color="#F4FA58">
            \t\t\t<Coordinates>
            \t\t\t\t<Coordinate Order="0" X="0" Y="0" />
            \t\t\t\t<Coordinate Order="1" X="2" Y="0" />
            \t\t\t\t<Coordinate Order="2" X="2" Y="3" />
            \t\t\t\t<Coordinate Order="3" X="0" Y="3" />
            \t\t\t</Coordinates>
            \t\t</Annotation>
            \t</Annotations>
            \t<AnnotationGroups>
            \t\t<Group Name="Tumor" PartOfGroup="None" Color="#FF0000">
            \t\t\t<Attributes />
            \t\t</Group>
            \t</AnnotationGroups>
            </ASAP_Annotations>

            """)
    }

    @Test func polygonWithAHoleIsRefusedOnWriting() {
        let set = ShapeSet([.polygon(PolygonRegion(rings: [S.square, S.hole]), className: "Tumor")])
        #expect {
            try ASAPXMLWriter.bytes(set, file: "out.xml")
        } throws: { error in
            "\(error)".hasPrefix("out.xml, shape 1: has 2 rings")
        }
    }

    @Test func classNamedNoneIsRefusedOnWriting() {
        #expect {
            try ASAPXMLWriter.bytes(ShapeSet([.point(PlanePoint(x: 1, y: 2), className: "None")]), file: "out.xml")
        } throws: { error in
            "\(error)".contains("as no group")
        }
    }

    @Test func camelyon17AnnotationReadsAsThreeTumorPolygons() throws {
        let bytes = try RepositoryFiles.bytes(Self.camelyon17)
        let read = try ASAPXMLParser.shapes(bytes, file: Self.camelyon17)
        let lesions = try ASAPXMLParser.annotations(bytes, file: Self.camelyon17).lesions
        #expect(read.classNames == ["Tumor"])
        #expect(read.shapes.map(\.geometry) == lesions.map { .polygon($0) })
    }

    /// The GeoJSON writer and the ASAP writer carry the same shapes: GeoJSON → model → ASAP → model.
    @Test func shapesCrossFromGeoJSONToASAPUnchanged() throws {
        let fromGeoJSON = try GeoJSONParser.shapes(try GeoJSONWriter.bytes(S.mixed, file: "a.geojson"), file: "a.geojson")
        #expect(try ASAPXMLParser.shapes(try ASAPXMLWriter.bytes(fromGeoJSON, file: "a.xml"), file: "a.xml") == S.mixed)
    }
}
