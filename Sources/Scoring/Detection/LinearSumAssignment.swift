/// The rectangular linear assignment problem solved as `scipy.optimize.linear_sum_assignment` solves it
/// (Crouse's shortest augmenting path), including its order of exploration, so that when several
/// assignments are equally good the same one is chosen.
public enum LinearSumAssignment {
    /// Pairs (row, column), sorted by row, of a minimum-cost (or maximum with `maximize`) assignment
    /// covering min(rows, columns) pairs. `cost` is row-major with every row of equal length.
    public static func solve(_ cost: [[Double]], maximize: Bool = false) -> [(row: Int, column: Int)] {
        let rowCount = cost.count
        guard rowCount > 0, let columnCount = cost.first?.count, columnCount > 0 else { return [] }
        let transposed = columnCount < rowCount
        var matrix = transposed ? (0..<columnCount).map { column in cost.map { $0[column] } } : cost
        if maximize { matrix = matrix.map { $0.map { -$0 } } }
        var solver = ShortestAugmentingPath(matrix)
        let assignment = solver.solve()
        let pairs = assignment.enumerated().map { transposed ? (row: $0.element, column: $0.offset) : (row: $0.offset, column: $0.element) }
        return pairs.sorted { $0.row < $1.row }
    }
}

/// One row at a time, find the cheapest augmenting path with Dijkstra-like scans over reduced costs.
private struct ShortestAugmentingPath {
    let cost: [[Double]]
    let rows: Int
    let columns: Int
    var rowDual: [Double]
    var columnDual: [Double]
    var path: [Int]
    var columnOfRow: [Int]
    var rowOfColumn: [Int]
    var shortestPathCosts: [Double]
    var scannedRows: [Bool]
    var scannedColumns: [Bool]
    var remaining: [Int]

    init(_ cost: [[Double]]) {
        self.cost = cost
        rows = cost.count
        columns = cost[0].count
        rowDual = Array(repeating: 0, count: rows)
        columnDual = Array(repeating: 0, count: columns)
        path = Array(repeating: -1, count: columns)
        columnOfRow = Array(repeating: -1, count: rows)
        rowOfColumn = Array(repeating: -1, count: columns)
        shortestPathCosts = Array(repeating: 0, count: columns)
        scannedRows = Array(repeating: false, count: rows)
        scannedColumns = Array(repeating: false, count: columns)
        remaining = Array(repeating: 0, count: columns)
    }

    /// The column assigned to each row (rows ≤ columns).
    mutating func solve() -> [Int] {
        for currentRow in 0..<rows {
            let (sink, minimum) = augmentingPath(from: currentRow)
            rowDual[currentRow] += minimum
            for row in 0..<rows where scannedRows[row] && row != currentRow {
                rowDual[row] += minimum - shortestPathCosts[columnOfRow[row]]
            }
            for column in 0..<columns where scannedColumns[column] {
                columnDual[column] -= minimum - shortestPathCosts[column]
            }
            var column = sink
            while true {
                let row = path[column]
                rowOfColumn[column] = row
                swap(&columnOfRow[row], &column)
                if row == currentRow { break }
            }
        }
        return columnOfRow
    }

    private mutating func augmentingPath(from start: Int) -> (sink: Int, minimum: Double) {
        var minimum = 0.0
        var row = start
        var remainingCount = columns
        // Columns are scanned from the last to the first, as scipy does.
        for index in 0..<columns { remaining[index] = columns - index - 1 }
        for index in 0..<rows { scannedRows[index] = false }
        for index in 0..<columns {
            scannedColumns[index] = false
            shortestPathCosts[index] = .infinity
        }
        var sink = -1
        while sink == -1 {
            var chosen = -1
            var lowest = Double.infinity
            scannedRows[row] = true
            for position in 0..<remainingCount {
                let column = remaining[position]
                let reduced = minimum + cost[row][column] - rowDual[row] - columnDual[column]
                if reduced < shortestPathCosts[column] {
                    path[column] = row
                    shortestPathCosts[column] = reduced
                }
                // Among equally short paths prefer one ending at a free column: it finishes the augmentation.
                if shortestPathCosts[column] < lowest || (shortestPathCosts[column] == lowest && rowOfColumn[column] == -1) {
                    lowest = shortestPathCosts[column]
                    chosen = position
                }
            }
            minimum = lowest
            precondition(minimum.isFinite, "the cost matrix admits no complete assignment")
            let column = remaining[chosen]
            if rowOfColumn[column] == -1 { sink = column } else { row = rowOfColumn[column] }
            scannedColumns[column] = true
            remainingCount -= 1
            remaining[chosen] = remaining[remainingCount]
        }
        return (sink, minimum)
    }
}
