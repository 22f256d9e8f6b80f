import Geometry

/// Writes outlines as QuPath exports annotations: a FeatureCollection of `Feature`s with a Polygon geometry and
/// `properties` holding `objectType: "annotation"` and the class. `GeoJSONParser` reads the output back to the
/// same regions when their rings are closed.
///
/// The JSON is written by hand rather than by JSONSerialization so that the bytes are fixed by the input (key
/// order, number spelling) and coordinates are spelled exactly: integers bare, other values in their shortest
/// round-trip form. The layout is QuPath 0.5's (one line, positions as `[x, y]`): for a file QuPath exported,
/// writing its features back gives QuPath's bytes.
public enum GeoJSONWriter {
    /// The regions as annotations of one class. `file` names the output in errors.
    public static func bytes(_ regions: [PolygonRegion], classification: Classification? = .tumor,
                             file: String) throws(AnnotationError) -> [UInt8] {
        try bytes(regions.map { Feature(region: $0, classification: classification) }, file: file)
    }

    /// The features, in order. Rings are closed (their first point repeated at the end) when they are not
    /// already: RFC 7946 and QuPath's reader both require it. A region with no ring, a ring of fewer than
    /// 3 points or a coordinate that is not finite is refused, located by feature, ring and position.
    public static func bytes(_ features: [Feature], file: String) throws(AnnotationError) -> [UInt8] {
        var lines: [String] = []
        for (index, feature) in features.enumerated() {
            try AnnotationWriter.check(feature.region, file: file, location: "feature \(index + 1)")
            lines.append(text(feature))
        }
        return Array("{\"type\":\"FeatureCollection\",\"features\":[\(lines.joined(separator: ","))]}\n".utf8)
    }

    private static func text(_ feature: Feature) -> String {
        var members = [#""type":"Feature""#]
        if let id = feature.id { members.append(#""id":"# + string(id)) }
        members.append(#""geometry":{"type":"Polygon","coordinates":"# + coordinates(feature.region) + "}")
        var properties = [#""objectType":"annotation""#]
        if let name = feature.name { properties.append(#""name":"# + string(name)) }
        if let color = feature.color { properties.append(#""color":"# + text(color)) }
        if let classification = feature.classification {
            properties.append(#""classification":{"name":"# + string(classification.name)
                              + #","color":"# + text(classification.color) + "}")
        }
        members.append(#""properties":{"# + properties.joined(separator: ",") + "}")
        return "{" + members.joined(separator: ",") + "}"
    }

    /// `[[[x, y],…],…]`, spaced as QuPath spaces positions.
    static func coordinates(_ region: PolygonRegion) -> String {
        let rings = region.rings.map { ring in
            "[" + AnnotationWriter.closed(ring).map { "[\(AnnotationWriter.number($0.x)), \(AnnotationWriter.number($0.y))]" }
                .joined(separator: ",") + "]"
        }
        return "[" + rings.joined(separator: ",") + "]"
    }

    static func text(_ color: Color) -> String {
        "[\(color.red), \(color.green), \(color.blue)]"
    }

    /// A JSON string: quote, backslash and control characters escaped, everything else as UTF-8.
    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
