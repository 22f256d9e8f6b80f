import Diagnostics
import Foundation
import Geometry

/// Reads the shapes of one GeoJSON feature from JSONSerialization's values; errors name the feature (1-based) and
/// the field path inside the document.
struct GeoJSONShapeReader {
    let file: String
    /// 0-based, as in the path; errors say `feature \(feature + 1)`.
    let feature: Int

    init(file: String, feature: Int) {
        self.file = file
        self.feature = feature
    }

    func shapes(of feature: GeoJSONFeature) throws(AnnotationError) -> [ClassedShape] {
        let className = try classification(feature.properties, path: feature.propertiesPath)
        return try geometries(feature.geometry, path: feature.geometryPath).map { ClassedShape($0, className: className) }
    }

    private func failure(_ path: String, _ message: String) -> AnnotationError {
        AnnotationError(SourceLocation(file: file, within: ["feature \(feature + 1)"] + (path.isEmpty ? [] : [path])), message)
    }

    private func classification(_ properties: Any?, path: String) throws(AnnotationError) -> String? {
        guard let properties, !(properties is NSNull) else { return nil }
        guard let object = properties as? [String: Any] else { throw failure(path, "properties must be an object or null") }
        let classPath = GeoJSONFeatures.member(path, "classification")
        switch object["classification"] {
        case nil, is NSNull:
            return nil
        case let name as String:
            return name
        case let classification as [String: Any]:
            if let name = classification["name"] as? String { return name }
            if let names = classification["names"] as? [String], !names.isEmpty { return names.joined(separator: ": ") }
            throw failure(classPath, "a classification object needs a \"name\" string")
        default:
            throw failure(classPath, "a classification must be an object with a \"name\", or a string")
        }
    }

    private func geometries(_ value: Any?, path: String) throws(AnnotationError) -> [ShapeGeometry] {
        guard let value, !(value is NSNull) else { return [] }
        guard let geometry = value as? [String: Any] else { throw failure(path, "a geometry must be an object or null") }
        let coordinatesPath = GeoJSONFeatures.member(path, "coordinates")
        let coordinates = geometry["coordinates"]
        switch geometry["type"] as? String {
        case "Point":
            return [.point(try position(coordinates, path: coordinatesPath))]
        case "MultiPoint":
            return try list(coordinates, path: coordinatesPath, of: "positions").map { item throws(AnnotationError) in
                .point(try position(item.value, path: item.path))
            }
        case "Polygon":
            let region = try polygon(coordinates, path: coordinatesPath)
            guard (geometry["isRectangle"] as? Bool) == true else { return [.polygon(region)] }
            guard region.rings.count == 1, let box = PlaneBox(corners: region.rings[0]) else {
                throw failure(coordinatesPath, "marked \"isRectangle\" but not one ring of 4 corners of an axis-aligned rectangle")
            }
            return [.box(box)]
        case "MultiPolygon":
            return try list(coordinates, path: coordinatesPath, of: "polygons").map { item throws(AnnotationError) in
                .polygon(try polygon(item.value, path: item.path))
            }
        case let type?:
            let shown = SourceLocation.printable(String(type.prefix(40)))
            throw failure(GeoJSONFeatures.member(path, "type"),
                          "geometry type \"\(shown)\" is not a shape; expected Point, MultiPoint, Polygon or MultiPolygon")
        case nil:
            throw failure(GeoJSONFeatures.member(path, "type"), "a geometry needs a \"type\" string")
        }
    }

    /// The elements of the array `value`, each with its path.
    private func list(_ value: Any?, path: String, of what: String) throws(AnnotationError) -> [(value: Any, path: String)] {
        guard let array = value as? [Any] else { throw failure(path, "expected an array of \(what)") }
        return array.enumerated().map { ($1, "\(path)[\($0)]") }
    }

    /// The rings, open, each of at least 3 distinct vertices.
    private func polygon(_ value: Any?, path: String) throws(AnnotationError) -> PolygonRegion {
        let rings = try list(value, path: path, of: "rings")
        guard !rings.isEmpty else { throw failure(path, "a polygon needs at least one ring, found none") }
        return PolygonRegion(rings: try rings.map { ring throws(AnnotationError) in
            let points = try list(ring.value, path: ring.path, of: "positions").map { item throws(AnnotationError) in
                try position(item.value, path: item.path)
            }
            let distinct = ShapeRules.distinctVertices(points)
            guard distinct >= 3 else { throw failure(ring.path, "a ring needs at least 3 distinct vertices, found \(distinct)") }
            return ShapeRules.open(points)
        })
    }

    private func position(_ value: Any?, path: String) throws(AnnotationError) -> PlanePoint {
        guard let pair = value as? [Any], pair.count >= 2,
              let x = GeoJSONNumber.double(pair[0]), let y = GeoJSONNumber.double(pair[1]) else {
            let found = SourceLocation.printable(String(String(describing: value ?? "nothing").prefix(80)))
            throw failure(path, "a position must be [x, y] numbers, found \(found)")
        }
        guard x.isFinite, y.isFinite else { throw failure(path, "coordinates must be finite numbers, found [\(x), \(y)]") }
        return PlanePoint(x: x, y: y)
    }
}
