extension ConnectedComponents {
    /// Gives each foreground voxel the smallest label among its earlier neighbours, recording which labels meet.
    static func firstPass<Value: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<Value>, shape: [Int], neighbours: [(Int, Int, Int)],
        labels: UnsafeMutableBufferPointer<Int32>, forest: inout UnionFind
    ) {
        let (width, height, depth) = (shape[0], shape[1], shape[2])
        let plane = width * height
        for z in 0..<depth {
            for y in 0..<height {
                for x in 0..<width {
                    let index = z * plane + y * width + x
                    let value = values[index]
                    guard value != 0, !value.isNaN else { continue }
                    var label: Int32 = 0
                    for (dx, dy, dz) in neighbours {
                        let (nx, ny, nz) = (x + dx, y + dy, z + dz)
                        guard nx >= 0, nx < width, ny >= 0, ny < height, nz >= 0 else { continue }
                        let other = labels[nz * plane + ny * width + nx]
                        guard other != 0 else { continue }
                        if label == 0 { label = other } else if other != label { label = forest.union(label, other) }
                    }
                    labels[index] = label == 0 ? forest.makeSet() : label
                }
            }
        }
    }

    /// Replaces provisional labels by final ones numbered in raster order, and measures each component.
    ///
    /// A component's smallest provisional label was made at its first voxel in raster order and is its root
    /// (unions keep the smaller root), so numbering the roots in ascending order numbers the components in
    /// raster order, and a lookup table then relabels every voxel.
    static func secondPass<Value: BinaryFloatingPoint>(
        _ values: [Value], shape: [Int], provisional: [Int32], forest: inout UnionFind
    ) -> ([Int32], [Component]) {
        var table = [Int32](repeating: 0, count: forest.count + 1)
        var componentCount: Int32 = 0
        for label in 1..<max(1, forest.count + 1) {
            let root = Int(forest.find(Int32(label)))
            if root == label {
                componentCount += 1
                table[label] = componentCount
            } else {
                table[label] = table[root]
            }
        }
        let count = Int(componentCount)
        var voxels = [Int](repeating: 0, count: count)
        var maxima = [Double](repeating: -.infinity, count: count)
        var lower = [Int](repeating: Int.max, count: 3 * count)
        var upper = [Int](repeating: Int.min, count: 3 * count)
        var labels = [Int32](repeating: 0, count: provisional.count)
        let (width, height) = (shape[0], shape[1])
        provisional.withUnsafeBufferPointer { provisional in
            labels.withUnsafeMutableBufferPointer { labels in
                var index = 0
                for z in 0..<shape[2] {
                    for y in 0..<height {
                        for x in 0..<width {
                            defer { index += 1 }
                            let raw = provisional[index]
                            guard raw != 0 else { continue }
                            let label = table[Int(raw)]
                            labels[index] = label
                            let slot = Int(label) - 1
                            voxels[slot] += 1
                            maxima[slot] = max(maxima[slot], Double(values[index]))
                            let base = 3 * slot
                            lower[base] = min(lower[base], x)
                            upper[base] = max(upper[base], x)
                            lower[base + 1] = min(lower[base + 1], y)
                            upper[base + 1] = max(upper[base + 1], y)
                            lower[base + 2] = min(lower[base + 2], z)
                            upper[base + 2] = z
                        }
                    }
                }
            }
        }
        let components = (0..<count).map { slot in
            Component(label: slot + 1, voxelCount: voxels[slot], lower: Array(lower[(3 * slot)..<(3 * slot + 3)]),
                      upper: Array(upper[(3 * slot)..<(3 * slot + 3)]), maximum: maxima[slot])
        }
        return (labels, components)
    }
}

/// Disjoint sets of provisional labels 1, 2, … with path halving and union by smaller label.
struct UnionFind {
    private var parent: [Int32] = [0]

    var count: Int { parent.count - 1 }

    mutating func makeSet() -> Int32 {
        let label = Int32(parent.count)
        parent.append(label)
        return label
    }

    mutating func find(_ label: Int32) -> Int32 {
        var current = label
        while parent[Int(current)] != current {
            parent[Int(current)] = parent[Int(parent[Int(current)])]
            current = parent[Int(current)]
        }
        return current
    }

    /// Joins two sets and returns the root of the result (the smaller root).
    mutating func union(_ first: Int32, _ second: Int32) -> Int32 {
        let (a, b) = (find(first), find(second))
        if a == b { return a }
        let (low, high) = a < b ? (a, b) : (b, a)
        parent[Int(high)] = low
        return low
    }
}
