import Diagnostics
import Foundation
import Geometry

/// Reads lesion polygons from GeoJSON as QuPath exports it: a FeatureCollection, an array of Features,
/// one Feature or a bare geometry; Polygon and MultiPolygon geometries (other geometry types are refused).
public enum GeoJSONParser {
    public static func regions(_ bytes: [UInt8], file: String) throws(AnnotationError) -> [PolygonRegion] {
        let root = try jsonObject(bytes, file: file)
        var regions: [PolygonRegion] = []
        for (index, geometry) in try geometries(root, file: file).enumerated() {
            regions += try polygons(geometry, at: SourceLocation(file: file, within: ["feature \(index + 1)"]))
        }
        return regions
    }

    /// The JSON value of `bytes`, through Foundation's JSONSerialization (the one JSON reader of this module).
    static func jsonObject(_ bytes: [UInt8], file: String) throws(AnnotationError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            // Foundation says where the syntax broke (a line and column, or a character index) in the debug text.
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
            throw AnnotationError(file: file, "not valid JSON: \(detail)")
        }
    }

    private static func geometries(_ root: Any, file: String) throws(AnnotationError) -> [[String: Any]] {
        if let features = root as? [Any] {
            var all: [[String: Any]] = []
            for feature in features { all += try geometries(feature, file: file) }
            return all
        }
        guard let object = root as? [String: Any], let type = object["type"] as? String else {
            throw AnnotationError(file: file, "expected a GeoJSON object with a \"type\"")
        }
        switch type {
        case "FeatureCollection":
            return try geometries(object["features"] as? [Any] ?? [], file: file)
        case "Feature":
            return (object["geometry"] as? [String: Any]).map { [$0] } ?? []
        default:
            return [object]
        }
    }

    private static func polygons(_ geometry: [String: Any], at location: SourceLocation) throws(AnnotationError) -> [PolygonRegion] {
        let type = geometry["type"] as? String ?? "?"
        switch type {
        case "Polygon":
            return [PolygonRegion(rings: try rings(geometry["coordinates"], at: location))]
        case "MultiPolygon":
            guard let polygons = geometry["coordinates"] as? [Any] else {
                throw AnnotationError(location, "MultiPolygon without coordinates")
            }
            return try polygons.map { polygon throws(AnnotationError) in PolygonRegion(rings: try rings(polygon, at: location)) }
        default:
            throw AnnotationError(location, "geometry type \"\(type)\" is not a lesion outline (Polygon or MultiPolygon)")
        }
    }

    private static func rings(_ value: Any?, at location: SourceLocation) throws(AnnotationError) -> [[PlanePoint]] {
        guard let rings = value as? [Any], !rings.isEmpty else {
            throw AnnotationError(location, "Polygon coordinates must be a list of rings")
        }
        return try rings.enumerated().map { ringIndex, ring throws(AnnotationError) in
            guard let points = ring as? [Any], points.count >= 3 else {
                throw AnnotationError(location.within("ring \(ringIndex + 1)"), "a ring needs at least 3 points")
            }
            return try points.enumerated().map { pointIndex, point throws(AnnotationError) in
                guard let pair = point as? [Any], pair.count >= 2,
                      let x = GeoJSONNumber.double(pair[0]), let y = GeoJSONNumber.double(pair[1]),
                      x.isFinite, y.isFinite else {
                    throw AnnotationError(location.within("ring \(ringIndex + 1)").within("position \(pointIndex + 1)"),
                                          "a position must be [x, y] numbers, found \(String(describing: point).prefix(80))")
                }
                return PlanePoint(x: x, y: y)
            }
        }
    }
}
