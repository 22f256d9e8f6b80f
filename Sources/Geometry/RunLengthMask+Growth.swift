extension RunLengthMask {
    /// Cells closer than `radius` to a set cell: `scipy.ndimage.distance_transform_edt(~mask) < radius`, with the
    /// distance the correctly rounded square root of the (exact, integer) squared distance, as scipy computes it.
    ///
    /// The rounded square root is monotone, so "the nearest set cell is closer than `radius`" is "some set cell
    /// is": cell (x, y) is grown exactly when row y + dy has a set cell within `halfWidths[|dy|]` columns of x,
    /// where the half widths apply the same rounded comparison to every offset. Each grown row is then the
    /// union of its neighbouring rows' runs, each widened by its row's half width; no distance is ever stored.
    public func grown(radius: Double) -> RunLengthMask {
        let halfWidths = Self.halfWidths(radius: radius, limit: max(width, height))
        guard let occupied = occupiedRows, let reach = halfWidths.indices.last else {
            return RunLengthMask(width: width, height: height, runs: [], rowStarts: [Int](repeating: 0, count: height + 1))
        }
        var grownRuns: [Run] = []
        var rowStarts = [Int](repeating: 0, count: height + 1)
        var scratch = [Bool](repeating: false, count: width)
        let rows = max(0, occupied.lowerBound - reach)...min(height - 1, occupied.upperBound + reach)
        scratch.withUnsafeMutableBufferPointer { scratch in
            for y in 0..<height {
                rowStarts[y] = grownRuns.count
                guard rows.contains(y) else { continue }
                let painted = paintRow(y, reach: reach, halfWidths: halfWidths, into: scratch)
                Self.collectRuns(scratch, in: painted, into: &grownRuns)
            }
        }
        rowStarts[height] = grownRuns.count
        return RunLengthMask(width: width, height: height, runs: grownRuns, rowStarts: rowStarts)
    }

    /// `halfWidths[dy]`: the largest dx (up to `limit`) with `sqrt(dx² + dy²) < radius`; the array ends at the first
    /// dy for which no dx qualifies (the comparison only gets harder as dx or dy grow).
    static func halfWidths(radius: Double, limit: Int) -> [Int] {
        func inside(_ dx: Int, _ dy: Int) -> Bool { Double(dx * dx + dy * dy).squareRoot() < radius }
        var halfWidths: [Int] = []
        var dx = 0
        if inside(0, 0) {
            while dx < limit, inside(dx + 1, 0) { dx += 1 }
        } else {
            return []
        }
        for dy in 0...limit {
            while dx >= 0, !inside(dx, dy) { dx -= 1 }
            guard dx >= 0 else { break }
            halfWidths.append(dx)
        }
        return halfWidths
    }

    /// Sets in `scratch` every cell of row y that a widened run of rows y - reach ... y + reach covers,
    /// and returns the painted columns (empty when nothing was painted).
    private func paintRow(_ y: Int, reach: Int, halfWidths: [Int], into scratch: UnsafeMutableBufferPointer<Bool>) -> Range<Int> {
        var (low, high) = (width, 0)
        for source in max(0, y - reach)...min(height - 1, y + reach) {
            let halfWidth = halfWidths[abs(source - y)]
            for index in runIndices(inRow: source) {
                let start = max(0, runs[index].start - halfWidth), end = min(width, runs[index].end + halfWidth)
                UnsafeMutableBufferPointer(rebasing: scratch[start..<end]).update(repeating: true)
                (low, high) = (min(low, start), max(high, end))
            }
        }
        return low < high ? low..<high : 0..<0
    }

    /// Appends the runs of set cells in `scratch[columns]` and clears them for the next row.
    private static func collectRuns(_ scratch: UnsafeMutableBufferPointer<Bool>, in columns: Range<Int>, into runs: inout [Run]) {
        var x = columns.lowerBound
        while x < columns.upperBound {
            while x < columns.upperBound, !scratch[x] { x += 1 }
            guard x < columns.upperBound else { break }
            let start = x
            while x < columns.upperBound, scratch[x] { x += 1 }
            runs.append(Run(start: start, end: x))
        }
        UnsafeMutableBufferPointer(rebasing: scratch[columns]).update(repeating: false)
    }
}
