import Geometry

/// skimage's `axis_major_length`: 4 sqrt(largest eigenvalue) of a region's pixel-coordinate covariance (divided by N).
enum MajorAxis {
    /// Where coordinates are measured from: the corner of the lesions' bounding box grown by the radius and one
    /// cell, clamped to the slide. Earlier versions labelled that window and measured in its coordinates; the
    /// same origin and the same summation order keep every length identical to the last bit, so no
    /// isolated-tumour-cell decision can flip at the limit.
    static func origin(_ lesions: RunLengthMask, radius: Double) -> (x: Int, y: Int) {
        guard let rows = lesions.occupiedRows, let left = lesions.runs.map(\.start).min() else { return (0, 0) }
        let margin = Int(radius.rounded(.up)) + 1
        return (max(0, left - margin), max(0, rows.lowerBound - margin))
    }

    /// The length of each region (label - 1), accumulated pixel by pixel in raster order as the dense version did.
    static func lengths(_ regions: RunLengthMask, labels: [Int32], count regionCount: Int, origin: (x: Int, y: Int)) -> [Double] {
        // Sums of integer coordinates are exact in Double whatever the order, so they are added per run.
        var count = [Double](repeating: 0, count: regionCount)
        var sumRow = count, sumColumn = count
        forEachRun(regions, labels, origin: origin) { slot, row, start, end in
            let n = end - start
            count[slot] += Double(n)
            sumRow[slot] += Double(n * row)
            sumColumn[slot] += Double(n * start + n * (n - 1) / 2)
        }
        var rowRow = [Double](repeating: 0, count: regionCount)
        var columnColumn = rowRow, rowColumn = rowRow
        forEachRun(regions, labels, origin: origin) { slot, row, start, end in
            let dr = Double(row) - sumRow[slot] / count[slot]
            let meanColumn = sumColumn[slot] / count[slot]
            var (rr, cc, rc) = (rowRow[slot], columnColumn[slot], rowColumn[slot])
            for column in start..<end {
                let dc = Double(column) - meanColumn
                rr += dr * dr
                cc += dc * dc
                rc += dr * dc
            }
            (rowRow[slot], columnColumn[slot], rowColumn[slot]) = (rr, cc, rc)
        }
        return (0..<regionCount).map { slot in
            let (a, c, b) = (rowRow[slot] / count[slot], columnColumn[slot] / count[slot], rowColumn[slot] / count[slot])
            let largest = (a + c) / 2 + (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot()
            return 4 * max(largest, 0).squareRoot()
        }
    }

    /// Every run in raster order as (label - 1, row, first column, end column), coordinates relative to `origin`.
    private static func forEachRun(_ regions: RunLengthMask, _ labels: [Int32], origin: (x: Int, y: Int),
                                   _ body: (Int, Int, Int, Int) -> Void) {
        for y in 0..<regions.height {
            for index in regions.runIndices(inRow: y) {
                let run = regions.runs[index]
                body(Int(labels[index]) - 1, y - origin.y, run.start - origin.x, run.end - origin.x)
            }
        }
    }
}
