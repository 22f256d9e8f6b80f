extension RunLengthMask {
    /// Components of set cells touching by an edge or a corner (8-connectivity), as one label per run in `runs`
    /// order, numbered 1, 2, … in the raster order of each component's first cell: the labels of
    /// `skimage.measure.label(mask, connectivity=2)` and of `ConnectedComponents` with `.twentySix` on one slice.
    ///
    /// Runs of neighbouring rows touch when their columns overlap after widening one of them by a column. Unions
    /// keep the smaller run index as root, so a component's root is its first run in raster order, which holds
    /// its first cell; numbering the roots in ascending order therefore numbers components in raster order.
    public func componentLabels() -> (labels: [Int32], count: Int) {
        var forest = UnionFind()
        for _ in runs.indices { _ = forest.makeSet() }
        for y in 1..<max(1, height) {
            joinTouchingRuns(runIndices(inRow: y - 1), runIndices(inRow: y), forest: &forest)
        }
        var labels = [Int32](repeating: 0, count: runs.count)
        var count: Int32 = 0
        for index in runs.indices {
            let root = Int(forest.find(Int32(index + 1))) - 1
            if root == index {
                count += 1
                labels[index] = count
            } else {
                labels[index] = labels[root]
            }
        }
        return (labels, Int(count))
    }

    /// Joins the runs of two neighbouring rows that touch, sweeping both left to right.
    private func joinTouchingRuns(_ upper: Range<Int>, _ lower: Range<Int>, forest: inout UnionFind) {
        var (i, j) = (upper.lowerBound, lower.lowerBound)
        while i < upper.upperBound, j < lower.upperBound {
            let (a, b) = (runs[i], runs[j])
            if a.start <= b.end, b.start <= a.end { _ = forest.union(Int32(i + 1), Int32(j + 1)) }
            if a.end <= b.end { i += 1 } else { j += 1 }
        }
    }
}
