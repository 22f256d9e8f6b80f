import Annotations
import Geometry
import Testing

/// What the shape writers say about each shape beyond its class: GeoJSON properties, ASAP annotation names.
@Suite("Shape properties and names")
struct ShapePropertiesTests {
    static let box = ClassedShape.box(PlaneBox(x: 0, y: 0, width: 10, height: 20), className: "tumour")

    @Test func geoJSONPropertiesAreWrittenSortedBesideTheClassAndIgnoredByTheParser() throws {
        let properties: [String: GeoJSONWriter.Property] = [
            "votes": .object(["b": .number(1), "a": .number(2.5)]), "item_id": .string("r1"), "adjudicated": .bool(true),
        ]
        let bytes = try GeoJSONWriter.bytes(ShapeSet([Self.box]), properties: [properties], file: "out.geojson")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"},"adjudicated":true,"item_id":"r1","votes":{"a":2.5,"b":1}}}"#), "\(text)")
        #expect(try GeoJSONParser.shapes(bytes, file: "out.geojson") == ShapeSet([Self.box]))
    }

    @Test func aPropertyNamedLikeTheWritersOwnIsRefusedAtItsShape() {
        #expect(throws: AnnotationError.self) {
            try GeoJSONWriter.bytes(ShapeSet([Self.box]), properties: [["classification": .string("x")]], file: "out.geojson")
        }
    }

    @Test func aPropertyNumberThatIsNotFiniteIsRefused() {
        let refusal = #expect(throws: AnnotationError.self) {
            try GeoJSONWriter.bytes(ShapeSet([Self.box]), properties: [["area": .array([.number(.nan)])]], file: "out.geojson")
        }
        #expect(refusal?.description.contains("area[0]") == true, "\(String(describing: refusal))")
    }

    @Test func asapNamesReplaceTheDefaultAnnotationNamesEscaped() throws {
        let bytes = try ASAPXMLWriter.bytes(ShapeSet([Self.box, Self.box]), names: ["r1: votes \"2\" & more"], file: "out.xml")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"Name="r1: votes &quot;2&quot; &amp; more""#) && text.contains(#"Name="Annotation 1""#), "\(text)")
        #expect(try ASAPXMLParser.shapes(bytes, file: "out.xml") == ShapeSet([Self.box, Self.box]))
    }
}
