/// Erosion and hole filling on binary grids (x fastest), as `scipy.ndimage` defines them.
/// Grids of rank 1 to 3 are handled as 3D grids; the missing axes have extent 1 and no neighbours.
public enum BinaryMorphology {
    /// Which neighbours a structuring element of radius one covers.
    public enum Neighbourhood: Sendable {
        /// Points sharing a face (scipy's `generate_binary_structure(rank, 1)`, the default).
        case faces
        /// Every point within one step on each axis (`generate_binary_structure(rank, rank)`).
        case full
    }

    /// `scipy.ndimage.binary_erosion(mask, structure)` with `border_value = 0`: a point stays set only
    /// when every neighbour is set, and points outside the grid count as unset (so a 3D grid one slice
    /// thick erodes away entirely, as in scipy).
    public static func erode(_ mask: [Bool], shape: [Int], neighbourhood: Neighbourhood = .faces) -> [Bool] {
        let grid = Grid3(shape)
        let offsets = grid.offsets(neighbourhood)
        var result = [Bool](repeating: false, count: mask.count)
        mask.withUnsafeBufferPointer { mask in
            result.withUnsafeMutableBufferPointer { result in
                grid.forEach { index, x, y, z in
                    guard mask[index] else { return }
                    var keep = true
                    for offset in offsets {
                        guard let neighbour = grid.neighbour(index, x, y, z, offset), mask[neighbour] else { keep = false; break }
                    }
                    result[index] = keep
                }
            }
        }
        return result
    }

    /// `scipy.ndimage.binary_fill_holes`: sets every unset point that face-connected unset points
    /// do not link to the grid's edge.
    public static func fillHoles(_ mask: [Bool], shape: [Int]) -> [Bool] {
        // Label the background with face connectivity; components that reach the edge are outside.
        let grid = Grid3(shape)
        let background = mask.map { $0 ? Float(0) : 1 }
        let components = ConnectedComponents(values: background, shape: [grid.width, grid.height, grid.depth], connectivity: .six)
        var outside = [Bool](repeating: false, count: components.components.count + 1)
        grid.forEachEdgePoint { index in outside[Int(components.labels[index])] = true }
        return zip(mask, components.labels).map { $0 || !outside[Int($1)] }
    }
}

/// Index arithmetic on an x-fastest grid of up to three axes.
struct Grid3 {
    let width: Int
    let height: Int
    let depth: Int
    let rank: Int

    init(_ shape: [Int]) {
        precondition((1...3).contains(shape.count), "grids of 1 to 3 axes, got \(shape)")
        rank = shape.count
        width = shape[0]
        height = shape.count > 1 ? shape[1] : 1
        depth = shape.count > 2 ? shape[2] : 1
    }

    /// Neighbour steps along the grid's own axes.
    func offsets(_ neighbourhood: BinaryMorphology.Neighbourhood) -> [(Int, Int, Int)] {
        let ranges = (0..<3).map { $0 < rank ? -1...1 : 0...0 }
        var offsets: [(Int, Int, Int)] = []
        for dz in ranges[2] {
            for dy in ranges[1] {
                for dx in ranges[0] {
                    let steps = abs(dx) + abs(dy) + abs(dz)
                    if steps > 0, neighbourhood == .full || steps == 1 { offsets.append((dx, dy, dz)) }
                }
            }
        }
        return offsets
    }

    @inline(__always)
    func coordinates(_ index: Int) -> (Int, Int, Int) {
        (index % width, index / width % height, index / (width * height))
    }

    @inline(__always)
    func isOnEdge(_ x: Int, _ y: Int, _ z: Int) -> Bool {
        x == 0 || x == width - 1 || (rank > 1 && (y == 0 || y == height - 1)) || (rank > 2 && (z == 0 || z == depth - 1))
    }

    @inline(__always)
    func neighbour(_ index: Int, _ x: Int, _ y: Int, _ z: Int, _ offset: (Int, Int, Int)) -> Int? {
        let (nx, ny, nz) = (x + offset.0, y + offset.1, z + offset.2)
        guard nx >= 0, ny >= 0, nz >= 0, nx < width, ny < height, nz < depth else { return nil }
        return index + offset.0 + width * (offset.1 + height * offset.2)
    }

    /// Every point with a coordinate at either end of one of the grid's own axes.
    func forEachEdgePoint(_ body: (Int) -> Void) {
        for z in 0..<depth {
            let zEdge = rank > 2 && (z == 0 || z == depth - 1)
            for y in 0..<height {
                let rowEdge = zEdge || (rank > 1 && (y == 0 || y == height - 1))
                let base = (z * height + y) * width
                if rowEdge {
                    for x in 0..<width { body(base + x) }
                } else {
                    body(base)
                    if width > 1 { body(base + width - 1) }
                }
            }
        }
    }

    @inline(__always)
    func forEach(_ body: (Int, Int, Int, Int) -> Void) {
        var index = 0
        for z in 0..<depth {
            for y in 0..<height {
                for x in 0..<width {
                    body(index, x, y, z)
                    index += 1
                }
            }
        }
    }
}
