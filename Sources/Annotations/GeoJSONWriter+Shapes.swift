import Geometry

extension GeoJSONWriter {
    /// The shapes as QuPath exports annotations, one Feature per shape in order, which `GeoJSONParser.shapes` reads
    /// back to the same shapes (rings open, as it returns them):
    /// - a point is a `Point` (QuPath reads it as a points annotation of one point);
    /// - a polygon is a `Polygon` with its holes, rings closed;
    /// - a box is a `Polygon` of its 4 corners, closed (top-left, top-right, bottom-right, bottom-left, top-left: the
    ///   order QuPath writes a rectangle in), with `"isRectangle": true` beside the coordinates in the geometry, as
    ///   QuPath puts `"isEllipse": true` there for an ellipse. QuPath ignores the member and opens a 4-vertex polygon;
    /// - `properties` hold `"objectType": "annotation"` and, for a classified shape, `"classification"` with the class
    ///   name and a colour: `classColors[name]`, else QuPath's colour for its built-in classes (Tumor, Stroma…),
    ///   else one of 12 colours picked by the name, so a class has the same colour in every file.
    ///
    /// `properties[i]`, when given, are the i-th shape's own further members of `properties` (keys sorted), such as
    /// the item an exported consensus shape outlines; the parser ignores them.
    ///
    /// Refused, located by shape (1-based): coordinates that are not finite, a polygon without rings or with a ring of
    /// fewer than 3 distinct vertices, a box without a positive width and height; properties for more shapes than
    /// there are, a property named `objectType` or `classification`, a property number that is not finite.
    public static func bytes(
        _ shapes: ShapeSet, classColors: [String: Color] = [:], properties: [[String: Property]] = [], file: String
    ) throws(AnnotationError) -> [UInt8] {
        guard properties.count <= shapes.shapes.count else {
            throw AnnotationError(file: file, "properties for \(properties.count) shapes, but there are \(shapes.shapes.count)")
        }
        var features: [String] = []
        for (index, shape) in shapes.shapes.enumerated() {
            let location = "shape \(index + 1)"
            try ShapeRules.check(shape, file: file, location: location)
            let own = index < properties.count ? try members(properties[index], file: file, location: location) : []
            features.append(text(shape, classColors: classColors, own: own))
        }
        return Array("{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}\n".utf8)
    }

    private static func text(_ shape: ClassedShape, classColors: [String: Color], own: [String]) -> String {
        var properties = [#""objectType":"annotation""#]
        if let name = shape.className {
            let color = classColors[name] ?? ShapeColors.color(forClass: name)
            properties.append(#""classification":{"name":"# + string(name) + #","color":"# + text(color) + "}")
        }
        return #"{"type":"Feature","geometry":"# + geometry(shape.geometry)
            + #","properties":{"# + (properties + own).joined(separator: ",") + "}}"
    }

    private static func geometry(_ geometry: ShapeGeometry) -> String {
        switch geometry {
        case .point(let point):
            #"{"type":"Point","coordinates":"# + position(point) + "}"
        case .polygon(let region):
            #"{"type":"Polygon","coordinates":"# + coordinates(region) + "}"
        case .box(let box):
            #"{"type":"Polygon","coordinates":"# + coordinates(box.region) + #","isRectangle":true}"#
        }
    }

    /// `[x, y]`, spaced as QuPath spaces positions.
    private static func position(_ point: PlanePoint) -> String {
        "[\(AnnotationWriter.number(point.x)), \(AnnotationWriter.number(point.y))]"
    }
}
