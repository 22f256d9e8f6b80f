import Foundation

/// Connected components of a sparse set of grid points (detection maps and label maps are mostly
/// background): the work is proportional to the points, not to the grid.
public struct SparseComponents: Sendable, Equatable {
    /// Component label (1-based) of each input point, in input order. Components are numbered in the
    /// order of their first point, as `ConnectedComponents` numbers them.
    public let labels: [Int32]
    /// Number of points in each component.
    public let sizes: [Int]

    public var count: Int { sizes.count }

    /// `indices`: x-fastest grid indices of the points, strictly ascending.
    public init(indices: [Int], shape: [Int], connectivity: ConnectedComponents.Connectivity = .twentySix) {
        precondition(shape.count == 3, "sparse components need a 3D shape, got \(shape)")
        let (width, height, depth) = (shape[0], shape[1], shape[2])
        let total = width * height * depth
        var forest = UnionFind()
        var provisional = [Int32](repeating: 0, count: indices.count)
        let neighbours = ConnectedComponents.earlierNeighbours(connectivity)
        // A zeroed anonymous mapping: the kernel supplies zero pages on first touch, and only pages near the
        // points are touched, so its cost follows the points (calloc would memset the whole grid once glibc
        // has raised its mmap threshold).
        let bytes = max(total, 1) * MemoryLayout<Int32>.size
        let mapping = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        precondition(mapping != MAP_FAILED, "cannot map \(bytes) bytes for labelling")
        let grid = mapping!.assumingMemoryBound(to: Int32.self)
        defer { munmap(mapping, bytes) }
        for (position, index) in indices.enumerated() {
            let (x, y, z) = (index % width, index / width % height, index / (width * height))
            var label: Int32 = 0
            for (dx, dy, dz) in neighbours {
                let (nx, ny, nz) = (x + dx, y + dy, z + dz)
                guard nx >= 0, nx < width, ny >= 0, ny < height, nz >= 0 else { continue }
                let other = grid[nz * width * height + ny * width + nx]
                guard other != 0 else { continue }
                if label == 0 { label = other } else if other != label { label = forest.union(label, other) }
            }
            if label == 0 { label = forest.makeSet() }
            grid[index] = label
            provisional[position] = label
        }
        var finalLabel = [Int32](repeating: 0, count: forest.count + 1)
        var sizes: [Int] = []
        labels = provisional.map { label in
            let root = Int(forest.find(label))
            if finalLabel[root] == 0 {
                sizes.append(0)
                finalLabel[root] = Int32(sizes.count)
            }
            sizes[Int(finalLabel[root]) - 1] += 1
            return finalLabel[root]
        }
        self.sizes = sizes
    }
}
