/// Connected components of a sparse set of grid points (detection maps and label maps are mostly
/// background): the work is proportional to the runs of points along x, not to the grid.
public struct SparseComponents: Sendable, Equatable {
    /// Component label (1-based) of each input point, in input order. Components are numbered in the
    /// order of their first point, as `ConnectedComponents` numbers them.
    public let labels: [Int32]
    /// Number of points in each component.
    public let sizes: [Int]

    public var count: Int { sizes.count }

    /// A stretch of consecutive points along x in one row (y, z).
    private struct Run {
        var row: Int
        var first: Int
        var last: Int
        /// Position of its first point in the input.
        var position: Int
    }

    /// `indices`: x-fastest grid indices of the points, strictly ascending.
    public init(indices: [Int], shape: [Int], connectivity: ConnectedComponents.Connectivity = .twentySix) {
        precondition(shape.count == 3, "sparse components need a 3D shape, got \(shape)")
        let (width, height) = (shape[0], shape[1])
        let runs = Self.runs(indices, width: width)
        var forest = UnionFind()
        var runLabels = [Int32](repeating: 0, count: runs.count)
        // Rows that may touch a row (y, z) and come before it: for 6-connectivity the row above and the row
        // one slice back; for 26, also the diagonal rows of the slice back. 26-neighbours touch when their x
        // ranges overlap after widening by one; 6-neighbours only when they overlap.
        let earlierRows: [(dy: Int, dz: Int)] = connectivity == .six ? [(-1, 0), (0, -1)] : [(-1, 0), (-1, -1), (0, -1), (1, -1)]
        let reach = connectivity == .six ? 0 : 1
        for (index, run) in runs.enumerated() {
            let (y, z) = (run.row % height, run.row / height)
            var label: Int32 = 0
            for (dy, dz) in earlierRows where y + dy >= 0 && y + dy < height && z + dz >= 0 {
                let row = (z + dz) * height + y + dy
                var other = Self.firstRun(runs, ofRowAtLeast: row, before: index)
                while other < index, runs[other].row == row, runs[other].first <= run.last + reach {
                    if runs[other].last + reach >= run.first {
                        let found = runLabels[other]
                        label = label == 0 ? forest.find(found) : forest.union(label, found)
                    }
                    other += 1
                }
            }
            runLabels[index] = label == 0 ? forest.makeSet() : label
        }
        var finalLabel = [Int32](repeating: 0, count: forest.count + 1)
        var sizes: [Int] = []
        var labels = [Int32](repeating: 0, count: indices.count)
        for (index, run) in runs.enumerated() {
            let root = Int(forest.find(runLabels[index]))
            if finalLabel[root] == 0 {
                sizes.append(0)
                finalLabel[root] = Int32(sizes.count)
            }
            let length = run.last - run.first + 1
            sizes[Int(finalLabel[root]) - 1] += length
            for position in run.position..<run.position + length { labels[position] = finalLabel[root] }
        }
        self.labels = labels
        self.sizes = sizes
    }

    private static func runs(_ indices: [Int], width: Int) -> [Run] {
        var runs: [Run] = []
        for (position, index) in indices.enumerated() {
            let (row, x) = (index / width, index % width)
            if let last = runs.last, last.row == row, last.last == x - 1 {
                runs[runs.count - 1].last = x
            } else {
                runs.append(Run(row: row, first: x, last: x, position: position))
            }
        }
        return runs
    }

    /// The first run (among those before `end`) whose row is at least `row`: runs are ordered by row, then x.
    private static func firstRun(_ runs: [Run], ofRowAtLeast row: Int, before end: Int) -> Int {
        var (low, high) = (0, end)
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].row < row { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
