import Geometry

/// Writes regions as the well-known text `WKTParser` reads: `POLYGON ((x y, …), (hole…))` for one region,
/// `MULTIPOLYGON (((…)), ((…)))` for several. Rings are closed as OGC requires, coordinates spelled exactly.
/// A truth CSV holds one such text per case, so the writer returns text; `bytes` gives its UTF-8.
public enum WKTWriter {
    /// Refuses an empty list (WKT's `EMPTY` is not read back by `WKTParser`), a region with no ring, a ring of fewer
    /// than 3 points and coordinates that are not finite, located by region, ring and position after `location`.
    public static func text(_ regions: [PolygonRegion], file: String, location: String) throws(AnnotationError) -> String {
        guard !regions.isEmpty else {
            throw AnnotationError(file: file, location: location, "no regions to write; WKT needs at least one polygon")
        }
        for (index, region) in regions.enumerated() {
            try AnnotationWriter.check(region, file: file, location: "\(location), region \(index + 1)")
        }
        if regions.count == 1 { return "POLYGON " + polygon(regions[0]) }
        return "MULTIPOLYGON (" + regions.map(polygon).joined(separator: ", ") + ")"
    }

    /// `text` as UTF-8 bytes.
    public static func bytes(_ regions: [PolygonRegion], file: String, location: String) throws(AnnotationError) -> [UInt8] {
        Array(try text(regions, file: file, location: location).utf8)
    }

    /// `((x y, …), (…))`
    private static func polygon(_ region: PolygonRegion) -> String {
        let rings = region.rings.map { ring in
            "(" + AnnotationWriter.closed(ring).map { "\(AnnotationWriter.number($0.x)) \(AnnotationWriter.number($0.y))" }
                .joined(separator: ", ") + ")"
        }
        return "(" + rings.joined(separator: ", ") + ")"
    }
}
