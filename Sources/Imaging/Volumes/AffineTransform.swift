/// A 4 x 4 homogeneous transform from voxel indices (i, j, k) to world millimetres in RAS+
/// (x to the right, y anterior, z superior), NIfTI's and nibabel's convention.
public struct AffineTransform: Sendable, Equatable, Codable {
    /// Row-major 4 x 4 entries.
    public var rows: [[Double]]

    public init(rows: [[Double]]) {
        precondition(rows.count == 4 && rows.allSatisfy { $0.count == 4 }, "an affine is 4 x 4")
        self.rows = rows
    }

    public static let identity = AffineTransform(rows: (0..<4).map { row in (0..<4).map { $0 == row ? 1 : 0 } })

    /// A diagonal scaling with a translation: the affine of an axis-aligned grid.
    public init(spacing: [Double], origin: [Double]) {
        var rows = AffineTransform.identity.rows
        for axis in 0..<3 {
            rows[axis][axis] = axis < spacing.count ? spacing[axis] : 1
            rows[axis][3] = axis < origin.count ? origin[axis] : 0
        }
        self.init(rows: rows)
    }

    /// The 3 x 3 part: columns are the world directions of the voxel axes, scaled by the spacing.
    public var linear: [[Double]] { rows.prefix(3).map { Array($0.prefix(3)) } }

    /// World position of voxel (0, 0, 0).
    public var translation: [Double] { rows.prefix(3).map { $0[3] } }

    /// World coordinates of a (possibly fractional) voxel index.
    public func world(_ index: [Double]) -> [Double] {
        (0..<3).map { row -> Double in
            var sum = rows[row][3]
            for column in 0..<min(3, index.count) { sum += rows[row][column] * index[column] }
            return sum
        }
    }

    /// Length of each voxel axis in world units (the norms of the linear part's columns).
    public var columnNorms: [Double] {
        (0..<3).map { column in (0..<3).reduce(0.0) { $0 + rows[$1][column] * rows[$1][column] }.squareRoot() }
    }

    /// The anatomical direction each voxel axis points to, as nibabel's `aff2axcodes` names it
    /// ("RAS", "LPS", …): each axis is given the world axis it is most aligned with, the most
    /// clearly aligned pair first, so oblique grids get their nearest orthogonal code.
    public var orientationCode: String {
        let linear = self.linear
        let norms = columnNorms
        var unitColumns = [[Double]](repeating: [0, 0, 0], count: 3)
        for column in 0..<3 where norms[column] > 0 {
            for row in 0..<3 { unitColumns[column][row] = linear[row][column] / norms[column] }
        }
        var letters: [Character] = ["?", "?", "?"]
        var freeRows = Set(0..<3)
        var freeColumns = Set(0..<3)
        while let (row, column) = Self.strongest(unitColumns, rows: freeRows, columns: freeColumns) {
            let positive: [Character] = ["R", "A", "S"]
            let negative: [Character] = ["L", "P", "I"]
            letters[column] = unitColumns[column][row] >= 0 ? positive[row] : negative[row]
            freeRows.remove(row)
            freeColumns.remove(column)
        }
        return String(letters)
    }

    private static func strongest(_ columns: [[Double]], rows: Set<Int>, columns free: Set<Int>) -> (Int, Int)? {
        var best: (Int, Int)?
        var bestMagnitude = 0.0
        for column in free.sorted() {
            for row in rows.sorted() where abs(columns[column][row]) > bestMagnitude {
                bestMagnitude = abs(columns[column][row])
                best = (row, column)
            }
        }
        return best
    }
}
