/// A point in level-0 slide pixels (x to the right, y down).
public struct PlanePoint: Sendable, Equatable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One annotated region: an outer ring and any holes, each a closed or open list of vertices.
public struct PolygonRegion: Sendable, Equatable, Codable {
    public var rings: [[PlanePoint]]

    public init(rings: [[PlanePoint]]) {
        self.rings = rings
    }
}

/// Turns polygons in level-0 pixels into a mask at a pyramid level.
public enum PolygonRasterizer {
    /// The mask at `level` (cells of 2^level x 2^level level-0 pixels), row-major: a cell is set when its
    /// centre, the level-0 point (2^L c + 2^(L-1), 2^L r + 2^(L-1)), lies inside some region by the
    /// even-odd rule over that region's rings (so holes are holes). Level 0 uses the pixel centres (c + ½, r + ½).
    public static func mask(_ regions: [PolygonRegion], width: Int, height: Int, level: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: width * height)
        let cell = Double(1 << level)
        for region in regions {
            let edges = region.rings.flatMap(Self.edges)
            for row in 0..<height {
                let y = cell * Double(row) + cell / 2
                let crossings = edges.compactMap { $0.crossing(atY: y) }.sorted()
                var index = 0
                while index + 1 < crossings.count {
                    // Cells whose centre lies strictly between an entering and a leaving crossing.
                    // Clamped to the grid before converting: a crossing may lie anywhere a Double reaches (±1e308).
                    let first = Int(max(0, min(Double(width), ((crossings[index] - cell / 2) / cell).rounded(.up))))
                    let last = Int(max(-1, min(Double(width - 1), ((crossings[index + 1] - cell / 2) / cell).rounded(.down))))
                    if first <= last {
                        for column in first...last where Double(column) * cell + cell / 2 > crossings[index] {
                            mask[row * width + column] = true
                        }
                    }
                    index += 2
                }
            }
        }
        return mask
    }

    struct Edge {
        let start: PlanePoint
        let end: PlanePoint

        /// Where the edge crosses the horizontal line at `y`, counting an edge once at its lower end.
        func crossing(atY y: Double) -> Double? {
            guard (start.y > y) != (end.y > y) else { return nil }
            return start.x + (y - start.y) * (end.x - start.x) / (end.y - start.y)
        }
    }

    static func edges(_ ring: [PlanePoint]) -> [Edge] {
        guard ring.count >= 2 else { return [] }
        var points = ring
        if points.first != points.last { points.append(points[0]) }
        return zip(points, points.dropFirst()).map { Edge(start: $0, end: $1) }
    }
}
