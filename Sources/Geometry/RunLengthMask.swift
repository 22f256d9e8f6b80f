/// A binary 2D grid stored as the runs of set cells along each row (x fastest, rows top to bottom).
///
/// Lesion masks are mostly background, so growing, hole filling and labelling on runs cost work in
/// proportion to the runs (a few per row near a lesion), not to the cells of the slide.
public struct RunLengthMask: Sendable, Equatable {
    /// Set cells `start..<end` of one row: maximal, so runs of a row never touch or overlap.
    public struct Run: Sendable, Equatable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public let width: Int
    public let height: Int
    /// Every run in raster order (row, then column).
    public let runs: [Run]
    /// `rowStarts[y]..<rowStarts[y + 1]` are the indices in `runs` of row y (height + 1 entries).
    public let rowStarts: [Int]

    /// Callers guarantee maximal runs sorted in raster order and `rowStarts.count == height + 1`.
    init(width: Int, height: Int, runs: [Run], rowStarts: [Int]) {
        self.width = width
        self.height = height
        self.runs = runs
        self.rowStarts = rowStarts
    }

    /// The runs of a row-major `width` x `height` grid of cells.
    public init(_ cells: [Bool], width: Int, height: Int) {
        precondition(width >= 0 && height >= 0 && cells.count == width * height, "\(cells.count) cells do not fill \(width) x \(height)")
        var runs: [Run] = []
        var rowStarts = [0]
        rowStarts.reserveCapacity(height + 1)
        cells.withUnsafeBytes { bytes in
            for y in 0..<height {
                Self.scanRow(bytes, from: y * width, width: width, into: &runs)
                rowStarts.append(runs.count)
            }
        }
        self.init(width: width, height: height, runs: runs, rowStarts: rowStarts)
    }

    /// Appends the runs of non-zero bytes in `bytes[base..<base + width]`, skipping clear cells eight at a time.
    private static func scanRow(_ bytes: UnsafeRawBufferPointer, from base: Int, width: Int, into runs: inout [Run]) {
        var x = 0
        while x < width {
            while x + 8 <= width, bytes.loadUnaligned(fromByteOffset: base + x, as: UInt64.self) == 0 { x += 8 }
            while x < width, bytes[base + x] == 0 { x += 1 }
            guard x < width else { return }
            let start = x
            while x < width, bytes[base + x] != 0 { x += 1 }
            runs.append(Run(start: start, end: x))
        }
    }

    /// Indices in `runs` of row `y`'s runs.
    @inline(__always)
    public func runIndices(inRow y: Int) -> Range<Int> { rowStarts[y]..<rowStarts[y + 1] }

    /// The index in `runs` of the run covering cell (x, y), or nil when the cell is clear or outside the grid.
    public func run(containing x: Int, row y: Int) -> Int? {
        guard y >= 0, y < height, x >= 0, x < width else { return nil }
        var (low, high) = (rowStarts[y], rowStarts[y + 1])
        // The first run that ends after x; it covers x when it also starts at or before it.
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].end <= x { low = middle + 1 } else { high = middle }
        }
        return low < rowStarts[y + 1] && runs[low].start <= x ? low : nil
    }

    /// Rows holding at least one run, or nil when no cell is set.
    public var occupiedRows: ClosedRange<Int>? {
        guard let first = (0..<height).first(where: { rowStarts[$0 + 1] > rowStarts[$0] }),
              let last = (0..<height).last(where: { rowStarts[$0 + 1] > rowStarts[$0] }) else { return nil }
        return first...last
    }

    /// The row-major cells again.
    public var cells: [Bool] {
        var cells = [Bool](repeating: false, count: width * height)
        for y in 0..<height {
            for index in runIndices(inRow: y) {
                for x in runs[index].start..<runs[index].end { cells[y * width + x] = true }
            }
        }
        return cells
    }
}

extension RunLengthMask {
    /// A mask from its runs, given in raster order as (row, start, end), maximal (runs of a row neither touch nor
    /// overlap) and inside the grid.
    public init(width: Int, height: Int, rowRuns: [(row: Int, start: Int, end: Int)]) {
        var runs: [Run] = []
        runs.reserveCapacity(rowRuns.count)
        var rowStarts = [Int](repeating: 0, count: height + 1)
        var previous: (row: Int, start: Int, end: Int)?
        for entry in rowRuns {
            precondition(entry.row >= 0 && entry.row < height && 0 <= entry.start && entry.start < entry.end && entry.end <= width,
                         "run \(entry) is outside the \(width) x \(height) grid")
            precondition(previous.map { $0.row < entry.row || ($0.row == entry.row && $0.end < entry.start) } ?? true,
                         "runs must be maximal and in raster order")
            runs.append(Run(start: entry.start, end: entry.end))
            rowStarts[entry.row + 1] = runs.count
            previous = entry
        }
        // A row without runs starts and ends where the row before it ended.
        for y in 0..<height where rowStarts[y + 1] < rowStarts[y] { rowStarts[y + 1] = rowStarts[y] }
        self.init(width: width, height: height, runs: runs, rowStarts: rowStarts)
    }
}
