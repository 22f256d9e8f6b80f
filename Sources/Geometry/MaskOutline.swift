/// Traces a binary mask back into polygons: the outline of every connected patch of set cells, with its holes, along
/// the cell edges, so that `PolygonRasterizer.mask` of the result (cell centres inside by the even-odd rule) gives the
/// mask back exactly.
///
/// Vertices are cell corners in cell units: the corner (c, r) is the top-left of cell (c, r), so the outline of a
/// lone cell (c, r) is (c, r), (c + 1, r), (c + 1, r + 1), (c, r + 1). Every boundary edge (between a set cell and an
/// unset or outside one) is walked once, with the set cell on its right as seen on screen (y down): outlines run
/// clockwise on screen and holes anticlockwise. Where two set cells touch only at a corner the walk turns to keep
/// them in one outline (8-connected patches, 4-connected holes). Runs of collinear edges are merged into one.
public enum MaskOutline {
    /// The regions of `mask` (`width` × `height`, row-major), each its outline then its holes (rings open), ordered by
    /// their first cell in row-major order. An empty mask gives none.
    public static func regions(_ mask: [Bool], width: Int, height: Int) -> [PolygonRegion] {
        precondition(width >= 0 && height >= 0 && mask.count == width * height,
                     "mask of \(mask.count) cells is not \(width) × \(height)")
        var tracer = Tracer(mask: mask, width: width, height: height)
        let rings = tracer.rings()
        let outlines = rings.filter { $0.area > 0 }
        var holes = [[Ring]](repeating: [], count: outlines.count)
        for hole in rings where hole.area < 0 {
            // The set cell right of the hole's first edge belongs to the patch around the hole: the smallest outline
            // holding its centre is that patch's (a patch nested in a hole of another is smaller than that other).
            let probe = hole.probe
            let owner = outlines.indices.filter { outlines[$0].contains(probe) }.min { outlines[$0].area < outlines[$1].area }
            if let owner { holes[owner].append(hole) }
        }
        return outlines.indices.map { index in
            PolygonRegion(rings: ([outlines[index]] + holes[index]).map(\.points))
        }
    }

    /// A closed walk along cell edges.
    struct Ring {
        /// The corners where the walk turns, open.
        var points: [PlanePoint]
        /// The shoelace area on screen: positive for outlines, negative for holes.
        var area: Double
        /// The centre of the set cell right of the first edge.
        var probe: PlanePoint

        /// Whether `point` (a cell centre, never on an edge) lies inside by the even-odd rule.
        func contains(_ point: PlanePoint) -> Bool {
            var inside = false
            var previous = points[points.count - 1]
            for current in points {
                if (current.y > point.y) != (previous.y > point.y),
                   point.x < previous.x + (point.y - previous.y) * (current.x - previous.x) / (current.y - previous.y) {
                    inside.toggle()
                }
                previous = current
            }
            return inside
        }
    }

    /// The walk itself, over a table of the boundary edges leaving each corner not yet walked.
    struct Tracer {
        /// Directions clockwise on screen: right, down, left, up; bit `1 << d` in `exits`.
        static let steps = [(1, 0), (0, 1), (-1, 0), (0, -1)]

        let width: Int
        /// Per corner (index x + (width + 1) y), the directions of boundary edges leaving it not yet walked.
        var exits: [UInt8]

        init(mask: [Bool], width: Int, height: Int) {
            self.width = width
            exits = [UInt8](repeating: 0, count: (width + 1) * (height + 1))
            func isSet(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x] }
            for y in 0..<height {
                for x in 0..<width where mask[y * width + x] {
                    if !isSet(x, y - 1) { exits[corner(x, y)] |= 1 }
                    if !isSet(x + 1, y) { exits[corner(x + 1, y)] |= 2 }
                    if !isSet(x, y + 1) { exits[corner(x + 1, y + 1)] |= 4 }
                    if !isSet(x - 1, y) { exits[corner(x, y + 1)] |= 8 }
                }
            }
        }

        func corner(_ x: Int, _ y: Int) -> Int { y * (width + 1) + x }

        /// Every ring, each started at its first corner in row-major order.
        mutating func rings() -> [Ring] {
            var rings: [Ring] = []
            for start in exits.indices where exits[start] != 0 {
                while exits[start] != 0 { rings.append(walk(from: start)) }
            }
            return rings
        }

        /// One ring from `start`, leaving by its lowest unwalked direction.
        mutating func walk(from start: Int) -> Ring {
            var x = start % (width + 1)
            var y = start / (width + 1)
            let first = exits[start].trailingZeroBitCount
            let (px, py) = Self.probeOffset(first)
            let probe = PlanePoint(x: Double(x) + px, y: Double(y) + py)
            var points: [PlanePoint] = []
            var direction = first
            var area = 0.0
            while true {
                exits[corner(x, y)] &= ~(1 << direction)
                let (dx, dy) = Self.steps[direction]
                area += Double(x * (y + dy) - (x + dx) * y) / 2
                x += dx
                y += dy
                let here = corner(x, y)
                // Back at the start, the first edge counts as a way out: taking it closes the ring.
                let next = Self.turn(from: direction, exits: exits[here] | (here == start ? UInt8(1) << first : 0))
                if next != direction { points.append(PlanePoint(x: Double(x), y: Double(y))) }
                if here == start && next == first { break }
                direction = next
            }
            // Begin the ring at its start corner (where it turned last), so an outline begins at its top-left.
            if points.count > 1, points.last == PlanePoint(x: Double(x), y: Double(y)) { points.insert(points.removeLast(), at: 0) }
            return Ring(points: points, area: area, probe: probe)
        }

        /// The direction to leave a corner with unwalked `exits` by after arriving in `direction`: its only exit, or at a
        /// corner where set cells touch diagonally, the left turn (which keeps the two cells in one outline). Every
        /// corner entered has as many exits as entries, so one is always left.
        static func turn(from direction: Int, exits: UInt8) -> Int {
            let left = (direction + 3) % 4
            let right = (direction + 1) % 4
            for candidate in [left, direction, right] where exits & (1 << candidate) != 0 { return candidate }
            preconditionFailure("a boundary corner entered by \(direction) has no way out: exits \(exits)")
        }

        /// Where the centre of the set cell right of an edge leaving a corner in `direction` lies, from the corner.
        static func probeOffset(_ direction: Int) -> (Double, Double) {
            switch direction {
            case 0: (0.5, 0.5)
            case 1: (-0.5, 0.5)
            case 2: (-0.5, -0.5)
            default: (0.5, -0.5)
            }
        }
    }
}
