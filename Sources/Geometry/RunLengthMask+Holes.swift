extension RunLengthMask {
    /// `scipy.ndimage.binary_fill_holes` with its default (face-connected) structure: clear cells that no path of
    /// face-connected clear cells links to the grid's edge become set.
    ///
    /// Only a gap between two runs of a row can be a hole: the clear cells before a row's first run or after its
    /// last touch the side of the grid. Gaps join the gaps (or the outside) of the rows above and below where
    /// they share a column, and the gaps of the first and last row are outside; gaps never joined to the
    /// outside are filled.
    public func filledHoles() -> RunLengthMask {
        var gapStarts = [Int](repeating: 0, count: height + 1)
        var gapCount = 0
        for y in 0..<height {
            gapStarts[y] = gapCount
            gapCount += max(0, runIndices(inRow: y).count - 1)
        }
        gapStarts[height] = gapCount
        guard gapCount > 0 else { return self }
        // Node 1 is the outside; gap g (numbered in raster order) is node g + 2.
        var forest = UnionFind()
        for _ in 0..<(gapCount + 1) { _ = forest.makeSet() }
        // The first and last rows are the grid's edge.
        for gap in Array(gapStarts[0]..<gapStarts[1]) + Array(gapStarts[height - 1]..<gapStarts[height]) {
            _ = forest.union(1, Int32(gap + 2))
        }
        for y in 0..<(height - 1) where gapStarts[y + 1] > gapStarts[y] || gapStarts[y + 2] > gapStarts[y + 1] {
            joinClearCells(y, y + 1, gapStarts: gapStarts, forest: &forest)
        }
        var filled = [Bool](repeating: false, count: gapCount)
        for gap in 0..<gapCount { filled[gap] = forest.find(Int32(gap + 2)) != 1 }
        return merging(filled, gapStarts: gapStarts)
    }

    /// The union-find node of clear segment `segment` (0 before the first run, i after run i - 1) of row y.
    private func clearNode(_ y: Int, _ segment: Int, gapStarts: [Int]) -> Int32 {
        let runCount = runIndices(inRow: y).count
        if y == 0 || y == height - 1 || segment == 0 || segment == runCount { return 1 }
        return Int32(gapStarts[y] + segment - 1 + 2)
    }

    /// Clear columns `lower..<upper` of segment `segment` of row y (empty before a run at column 0, say).
    private func clearColumns(_ y: Int, _ segment: Int) -> Range<Int> {
        let indices = runIndices(inRow: y)
        let lower = segment == 0 ? 0 : runs[indices.lowerBound + segment - 1].end
        let upper = segment == indices.count ? width : runs[indices.lowerBound + segment].start
        return lower..<upper
    }

    /// Joins the clear segments of rows `upper` and `lower` that share a column, sweeping both rows left to right.
    private func joinClearCells(_ upper: Int, _ lower: Int, gapStarts: [Int], forest: inout UnionFind) {
        let (upperCount, lowerCount) = (runIndices(inRow: upper).count, runIndices(inRow: lower).count)
        var (i, j) = (0, 0)
        while i <= upperCount, j <= lowerCount {
            let (a, b) = (clearColumns(upper, i), clearColumns(lower, j))
            if !a.isEmpty, !b.isEmpty, a.overlaps(b) {
                _ = forest.union(clearNode(upper, i, gapStarts: gapStarts), clearNode(lower, j, gapStarts: gapStarts))
            }
            if a.upperBound <= b.upperBound { i += 1 } else { j += 1 }
        }
    }

    /// The runs with every gap marked `filled` set, so the runs on either side of it become one.
    private func merging(_ filled: [Bool], gapStarts: [Int]) -> RunLengthMask {
        var merged: [Run] = []
        merged.reserveCapacity(runs.count)
        var rowStarts = [Int](repeating: 0, count: height + 1)
        for y in 0..<height {
            rowStarts[y] = merged.count
            for (offset, index) in runIndices(inRow: y).enumerated() {
                if offset > 0, filled[gapStarts[y] + offset - 1] {
                    merged[merged.count - 1].end = runs[index].end
                } else {
                    merged.append(runs[index])
                }
            }
        }
        rowStarts[height] = merged.count
        return RunLengthMask(width: width, height: height, runs: merged, rowStarts: rowStarts)
    }
}
