import Annotations
import Geometry

/// Shapes of every kind, classed and not, with coordinates that are hard to write exactly. Rings are open, as the
/// shape parsers return them.
enum ShapeSamples {
    static let square = open(AwkwardOutlines.square(at: 0, 0, side: 100))
    static let hole = open(AwkwardOutlines.square(at: 10, 10, side: 20))

    static let mixed = ShapeSet([
        .point(PlanePoint(x: 12.5, y: -3), className: "Mitosis"),
        .point(PlanePoint(x: 0.1 + 0.2, y: 12_345.678901234567), className: "Mitosis"),
        .polygon(PolygonRegion(rings: [open(AwkwardOutlines.ring)]), className: "Tumor"),
        .polygon(PolygonRegion(rings: [square]), className: "Stroma"),
        .box(PlaneBox(x: 1e15 + 0.5, y: 7, maxX: 1e15 + 2.5, maxY: 7.25), className: "Lymphocytes"),
        .box(PlaneBox(x: -4, y: -4, width: 8, height: 8)),
        .point(PlanePoint(x: -0.0, y: .leastNonzeroMagnitude)),
    ])

    static func open(_ ring: [PlanePoint]) -> [PlanePoint] {
        Array(ring.dropLast())
    }

    static func bytes(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    /// A FeatureCollection of the given features (JSON text each).
    static func collection(_ features: String...) -> [UInt8] {
        bytes(#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}")
    }

    /// A Feature of the geometry (JSON text) with the properties (JSON text).
    static func feature(_ geometry: String, properties: String = #"{"objectType":"annotation"}"#) -> String {
        #"{"type":"Feature","geometry":"# + geometry + #","properties":"# + properties + "}"
    }
}
