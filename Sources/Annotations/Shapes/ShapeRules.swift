import Diagnostics
import Geometry

/// What the shape parsers and writers agree a shape must be, so that every written file reads back.
enum ShapeRules {
    /// `ring` without its closing vertex: trailing points that repeat the first are dropped (all of them, so that
    /// closing the open ring again and opening it gives the same ring).
    static func open(_ ring: [PlanePoint]) -> [PlanePoint] {
        guard let first = ring.first else { return ring }
        var end = ring.count
        while end > 1, ring[end - 1] == first { end -= 1 }
        return Array(ring[..<end])
    }

    /// How many distinct vertices `ring` has, counting no further than 3 (all a polygon needs).
    static func distinctVertices(_ ring: [PlanePoint]) -> Int {
        var seen: [PlanePoint] = []
        for point in ring where !seen.contains(point) {
            seen.append(point)
            if seen.count == 3 { break }
        }
        return seen.count
    }

    /// Refuses a shape its formats' parsers would refuse: a coordinate that is not finite, a polygon without rings
    /// or with a ring of fewer than 3 distinct vertices, a box without a positive width and height.
    static func check(_ shape: ClassedShape, file: String, location: String) throws(AnnotationError) {
        switch shape.geometry {
        case .point(let point):
            try checkFinite([point], file: file, location: location)
        case .polygon(let region):
            guard !region.rings.isEmpty else {
                throw AnnotationError(file: file, location: location, "a polygon needs at least one ring, found none")
            }
            for (index, ring) in region.rings.enumerated() {
                let here = "\(location), ring \(index + 1)"
                try checkFinite(ring, file: file, location: here)
                let distinct = distinctVertices(ring)
                guard distinct >= 3 else {
                    throw AnnotationError(file: file, location: here, "a ring needs at least 3 distinct vertices, found \(distinct)")
                }
            }
        case .box(let box):
            try checkFinite(box.corners, file: file, location: location)
            guard box.x < box.maxX, box.y < box.maxY else {
                throw AnnotationError(file: file, location: location,
                                      "a box needs a positive width and height, found \(box.width) × \(box.height)")
            }
        }
    }

    private static func checkFinite(_ points: [PlanePoint], file: String, location: String) throws(AnnotationError) {
        guard let index = points.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) else { return }
        throw AnnotationError(file: file, location: points.count > 1 ? "\(location), position \(index + 1)" : location,
                              "coordinates must be finite numbers, found (\(points[index].x), \(points[index].y))")
    }
}
