import Diagnostics

extension GeoJSONParser {
    /// The classed shapes of a QuPath GeoJSON export: a FeatureCollection, an array of Features (QuPath's
    /// "export as array"), one Feature, or a bare geometry.
    ///
    /// QuPath's conventions followed:
    /// - the class is `properties.classification.name` (QuPath ≥ 0.4), or `properties.classification.names` joined
    ///   with ": " as QuPath names a derived class, or `properties.classification` given as a string; absent or
    ///   null is an unclassified shape. `objectType` (annotation, detection, cell) is not looked at;
    /// - Point is one point and MultiPoint several (QuPath writes a points annotation as a MultiPoint, all of one
    ///   class); Polygon is one polygon with its holes, MultiPolygon several polygons of the feature's class;
    /// - QuPath marks no rectangle in GeoJSON (a rectangle is a plain Polygon, an ellipse one with `isEllipse`
    ///   on the geometry): a Polygon is read as a box only when its geometry carries `"isRectangle": true`, as
    ///   `GeoJSONWriter` writes boxes, and then its ring must be an axis-aligned rectangle. QuPath's own
    ///   rectangles and ellipses come in as polygons;
    /// - rings need not be closed (as `regions` reads them); they are returned open, the closing vertex (or vertices)
    ///   that repeat the first dropped.
    ///   A ring needs 3 distinct vertices; positions may carry a third number (z), which is ignored;
    /// - a Feature whose geometry is null (an unlocated feature) gives no shape.
    ///
    /// Refused, with the feature (1-based) and the field path (`features[3].geometry.coordinates[0][2]`): other
    /// geometry types (LineString, MultiLineString, GeometryCollection…), positions that are not two finite
    /// numbers, rings of fewer than 3 distinct vertices, classifications that are neither a string nor an object with
    /// a name. Files past `limits` are refused before anything is parsed, with the byte where the limit was passed.
    public static func shapes(_ bytes: [UInt8], file: String, limits: ShapeLimits = ShapeLimits()) throws(AnnotationError) -> ShapeSet {
        try GeoJSONBudget.check(bytes, limits: limits, file: file)
        let features = try GeoJSONFeatures.list(try jsonObject(bytes, file: file), file: file)
        guard features.count <= limits.maxFeatures else {
            throw AnnotationError(file: file, "\(features.count) features; a shapes file may have at most \(limits.maxFeatures)")
        }
        var shapes: [ClassedShape] = []
        for (index, feature) in features.enumerated() {
            shapes += try GeoJSONShapeReader(file: file, feature: index).shapes(of: feature)
        }
        return ShapeSet(shapes)
    }
}

/// A Feature (or bare geometry) found in a GeoJSON document, with the path to it.
struct GeoJSONFeature {
    /// The geometry object, or nil/NSNull for an unlocated feature.
    var geometry: Any?
    /// The path to the geometry (`features[3].geometry`, or `[3]` for a bare geometry in an array).
    var geometryPath: String
    /// The Feature's `properties`, nil for a bare geometry.
    var properties: Any?
    /// The path to the properties.
    var propertiesPath: String
}

/// Finds the features of a GeoJSON document as QuPath writes or reads them.
enum GeoJSONFeatures {
    static func list(_ root: Any, file: String) throws(AnnotationError) -> [GeoJSONFeature] {
        if let array = root as? [Any] {
            return try array.enumerated().map { index, element throws(AnnotationError) in
                try feature(element, path: "[\(index)]", file: file)
            }
        }
        guard let object = root as? [String: Any], object["type"] as? String == "FeatureCollection" else {
            return [try feature(root, path: "", file: file)]
        }
        guard let features = object["features"] as? [Any] else {
            throw AnnotationError(SourceLocation(file: file, within: ["features"]), "a FeatureCollection needs a \"features\" array")
        }
        return try features.enumerated().map { index, element throws(AnnotationError) in
            try feature(element, path: "features[\(index)]", file: file)
        }
    }

    /// A Feature, or a bare geometry standing for one.
    private static func feature(_ value: Any, path: String, file: String) throws(AnnotationError) -> GeoJSONFeature {
        guard let object = value as? [String: Any], let type = object["type"] as? String else {
            throw AnnotationError(SourceLocation(file: file, within: path.isEmpty ? [] : [path]),
                                  "expected a GeoJSON Feature, an object with a \"type\"")
        }
        switch type {
        case "Feature":
            return GeoJSONFeature(geometry: object["geometry"], geometryPath: member(path, "geometry"),
                                  properties: object["properties"], propertiesPath: member(path, "properties"))
        case "FeatureCollection":
            throw AnnotationError(SourceLocation(file: file, within: [member(path, "type")]),
                                  "a FeatureCollection inside another is not GeoJSON")
        default:
            return GeoJSONFeature(geometry: object, geometryPath: path, properties: nil, propertiesPath: path)
        }
    }

    /// `path.key`, or `key` at the top.
    static func member(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
