import Geometry

/// What the three writers share: how a coordinate is spelled and which outlines can be written at all.
/// Each writer refuses what its own parser would refuse on reading back, so a written file always reads.
enum AnnotationWriter {
    /// Integral values below 2^53 in absolute value as integers (`12`, not `12.0`, as QuPath and ASAP write them);
    /// anything else as Swift's shortest text that reads back to the same Double (`0.1`, `1e+20`, `5e-324`),
    /// which JSON, XML attributes and WKT all accept.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), value.magnitude < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// A ring as GeoJSON and WKT require it: ending on its first point. A ring already closed is left as it is.
    static func closed(_ ring: [PlanePoint]) -> [PlanePoint] {
        guard let first = ring.first, ring.last != first else { return ring }
        return ring + [first]
    }

    /// Refuses an outline its format's parser would not read back: no rings, a ring of fewer than 3 points,
    /// or a coordinate that is not finite. `location` names the outline ("lesion 3").
    static func check(_ region: PolygonRegion, file: String, location: String) throws(AnnotationError) {
        guard !region.rings.isEmpty else {
            throw AnnotationError(file: file, location: location, "an outline needs at least one ring, found none")
        }
        for (ringIndex, ring) in region.rings.enumerated() {
            let here = "\(location), ring \(ringIndex + 1)"
            guard ring.count >= 3 else {
                throw AnnotationError(file: file, location: here, "a ring needs at least 3 points, found \(ring.count)")
            }
            if let pointIndex = ring.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) {
                let point = ring[pointIndex]
                throw AnnotationError(file: file, location: "\(here), position \(pointIndex + 1)",
                                      "coordinates must be finite numbers, found (\(point.x), \(point.y))")
            }
        }
    }
}
