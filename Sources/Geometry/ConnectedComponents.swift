/// The connected regions of non-zero voxels in a 3D grid, labelled 1, 2, … in the order their first
/// voxel appears when x varies fastest, then y, then z (scipy.ndimage.label's order on an array indexed [z, y, x]).
public struct ConnectedComponents: Sendable, Equatable {
    /// Which neighbours touch: 6 shares a face, 26 shares a face, an edge or a corner.
    public enum Connectivity: Int, Sendable, Codable {
        case six = 6
        case twentySix = 26
    }

    /// One connected region.
    public struct Component: Sendable, Equatable {
        public var label: Int
        public var voxelCount: Int
        /// Smallest (x, y, z) index of the region.
        public var lower: [Int]
        /// Largest (x, y, z) index of the region, inclusive.
        public var upper: [Int]
        /// Largest value inside the region.
        public var maximum: Double
    }

    /// x, y, z extents of the grid.
    public let shape: [Int]
    /// One label per voxel: 0 for background, otherwise the component's label.
    public let labels: [Int32]
    public let components: [Component]

    /// Labels the non-zero (and non-NaN) values of a grid whose x varies fastest.
    public init(values: [Float], shape: [Int], connectivity: Connectivity = .twentySix) {
        self.init(generic: values, shape: shape, connectivity: connectivity)
    }

    /// Labels the non-zero (and non-NaN) values of a grid whose x varies fastest.
    public init(values: [Double], shape: [Int], connectivity: Connectivity = .twentySix) {
        self.init(generic: values, shape: shape, connectivity: connectivity)
    }

    // Generic code is only specialised inside this module; the public entry points above are concrete
    // so callers elsewhere get the specialised loops (an unspecialised scan is about 20 times slower).
    private init<Value: BinaryFloatingPoint & Sendable>(generic values: [Value], shape: [Int], connectivity: Connectivity) {
        precondition(shape.count == 3 && shape.reduce(1, *) == values.count, "shape \(shape) does not match \(values.count) values")
        self.shape = shape
        var provisional = [Int32](repeating: 0, count: values.count)
        var forest = UnionFind()
        values.withUnsafeBufferPointer { values in
            provisional.withUnsafeMutableBufferPointer { labels in
                Self.firstPass(values, shape: shape, neighbours: Self.earlierNeighbours(connectivity), labels: labels, forest: &forest)
            }
        }
        (labels, components) = Self.secondPass(values, shape: shape, provisional: provisional, forest: &forest)
    }

    /// Neighbour offsets (dx, dy, dz) already visited in raster order.
    static func earlierNeighbours(_ connectivity: Connectivity) -> [(Int, Int, Int)] {
        if connectivity == .six { return [(-1, 0, 0), (0, -1, 0), (0, 0, -1)] }
        var offsets: [(Int, Int, Int)] = []
        for dz in -1...0 {
            for dy in -1...1 {
                for dx in -1...1 where dz < 0 || dy < 0 || (dy == 0 && dx < 0) {
                    offsets.append((dx, dy, dz))
                }
            }
        }
        return offsets
    }
}
