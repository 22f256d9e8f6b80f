/// The rows of one Deep Zoom level as they arrive (top to bottom, in pieces), kept only until the rows of tiles
/// that need them are complete: each complete row of tiles comes out as a `PixelBand` over the pieces (overlap rows
/// included, nothing copied), and pieces no later row of tiles needs are let go. Memory stays at about two rows of
/// tiles per level.
struct LevelRows {
    let width: Int
    let height: Int
    let tileSize: Int
    let overlap: Int
    private var pieces: [PixelRows] = []
    /// Rows received so far (the next row expected).
    private(set) var receivedRows = 0
    /// The next row of tiles to complete.
    private var nextTileRow = 0

    init(width: Int, height: Int, tileSize: Int, overlap: Int) {
        self.width = width
        self.height = height
        self.tileSize = tileSize
        self.overlap = overlap
    }

    var tileRows: Int { (height + tileSize - 1) / tileSize }

    /// Takes the next rows and returns the rows of tiles they complete.
    mutating func append(_ rows: PixelRows) -> [(tileRow: Int, band: PixelBand)] {
        precondition(rows.firstRow == receivedRows && rows.width == width && receivedRows + rows.height <= height, "rows out of order")
        guard rows.height > 0 else { return [] }
        pieces.append(rows)
        receivedRows += rows.height
        var bands: [(Int, PixelBand)] = []
        while nextTileRow < tileRows {
            let top = max(0, nextTileRow * tileSize - overlap)
            let bottom = min(height, (nextTileRow + 1) * tileSize + overlap)
            guard receivedRows >= bottom else { break }
            let needed = pieces.filter { $0.firstRow < bottom && $0.firstRow + $0.height > top }
            bands.append((nextTileRow, PixelBand(pieces: needed, firstRow: top, height: bottom - top)))
            nextTileRow += 1
            let keepFrom = max(0, nextTileRow * tileSize - overlap)
            pieces.removeAll { $0.firstRow + $0.height <= keepFrom }
        }
        return bands
    }
}
