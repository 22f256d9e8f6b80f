/// The rows of one Deep Zoom level as they arrive (top to bottom, possibly in several pieces), kept only until the
/// rows of tiles that need them are complete: each complete row of tiles comes out as a `PixelBand` (overlap rows
/// included), and the rows no later row of tiles needs are dropped. Memory stays at about one row of tiles.
struct LevelRows {
    let width: Int
    let height: Int
    let tileSize: Int
    let overlap: Int
    /// Level row held at the start of `pixels`.
    private(set) var firstRow = 0
    /// Rows received so far (the next row expected).
    private(set) var receivedRows = 0
    private var pixels: [UInt8] = []
    /// The next row of tiles to complete.
    private var nextTileRow = 0

    init(width: Int, height: Int, tileSize: Int, overlap: Int) {
        self.width = width
        self.height = height
        self.tileSize = tileSize
        self.overlap = overlap
        pixels.reserveCapacity(width * 4 * (tileSize + 2 * overlap + 2))
    }

    var tileRows: Int { (height + tileSize - 1) / tileSize }
    var isComplete: Bool { nextTileRow >= tileRows }

    /// Appends `count` rows of RGBA (`width * 4` bytes each) and returns the rows of tiles they complete.
    mutating func append(_ rows: UnsafeRawBufferPointer, count: Int) -> [(tileRow: Int, band: PixelBand)] {
        precondition(rows.count >= count * width * 4 && receivedRows + count <= height, "rows past the level's end")
        pixels.append(contentsOf: UnsafeRawBufferPointer(rebasing: rows[0..<(count * width * 4)]))
        receivedRows += count
        var bands: [(Int, PixelBand)] = []
        while nextTileRow < tileRows {
            let top = max(0, nextTileRow * tileSize - overlap)
            let bottom = min(height, (nextTileRow + 1) * tileSize + overlap)
            guard receivedRows >= bottom else { break }
            let band = Array(pixels[((top - firstRow) * width * 4)..<((bottom - firstRow) * width * 4)])
            bands.append((nextTileRow, PixelBand(firstRow: top, width: width, height: bottom - top, pixels: band)))
            nextTileRow += 1
            let keepFrom = min(receivedRows, max(0, nextTileRow * tileSize - overlap))
            if keepFrom > firstRow {
                pixels.removeFirst((keepFrom - firstRow) * width * 4)
                firstRow = keepFrom
            }
        }
        return bands
    }
}
