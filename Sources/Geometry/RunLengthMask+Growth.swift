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
        var widened: [Run] = []
        let rows = max(0, occupied.lowerBound - reach)...min(height - 1, occupied.upperBound + reach)
        let sameAsAbove = (0..<height).map { $0 > 0 && runs[runIndices(inRow: $0)] == runs[runIndices(inRow: $0 - 1)] }
        for y in 0..<height {
            rowStarts[y] = grownRuns.count
            guard rows.contains(y) else { continue }
            widened.removeAll(keepingCapacity: true)
            // Among neighbouring rows with the same runs (a lesion's straight sides), the one nearest to y is
            // widened most and covers the others: only it is taken.
            var first = max(0, y - reach)
            while first <= min(height - 1, y + reach) {
                var last = first
                while last < min(height - 1, y + reach), sameAsAbove[last + 1] { last += 1 }
                let nearest = min(max(y, first), last)
                let halfWidth = halfWidths[abs(nearest - y)]
                for index in runIndices(inRow: nearest) {
                    widened.append(Run(start: max(0, runs[index].start - halfWidth), end: min(width, runs[index].end + halfWidth)))
                }
                first = last + 1
            }
            Self.appendUnion(of: &widened, to: &grownRuns)
        }
        rowStarts[height] = grownRuns.count
        return RunLengthMask(width: width, height: height, runs: grownRuns, rowStarts: rowStarts)
    }

    /// Appends the maximal runs covering the union of `intervals` (sorted here; touching ones join).
    private static func appendUnion(of intervals: inout [Run], to runs: inout [Run]) {
        guard !intervals.isEmpty else { return }
        intervals.sort { $0.start < $1.start }
        var current = intervals[0]
        for interval in intervals.dropFirst() {
            if interval.start <= current.end {
                current.end = max(current.end, interval.end)
            } else {
                runs.append(current)
                current = interval
            }
        }
        runs.append(current)
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
}
