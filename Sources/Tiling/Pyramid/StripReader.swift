import Imaging

/// Reads full-width strips of a native Deep Zoom level from its slide level, split into column chunks read at once
/// (each task copies its chunk into the strip and composites it on white), with strips and chunks on the slide's
/// tile grid so each slide tile is decoded once and whole.
struct StripReader: Sendable {
    let slide: Slide
    let geometry: DeepZoomGeometry
    let level: Int
    let slideLevel: Int
    let width: Int
    let chunkWidth: Int
    /// Rows per strip: whole slide tiles, about 256 rows.
    let stripHeight: Int
    let memory: PixelMemory

    init(slide: Slide, geometry: DeepZoomGeometry, level: Int, chunks: Int, memory: PixelMemory) {
        self.memory = memory
        self.slide = slide
        self.geometry = geometry
        self.level = level
        slideLevel = geometry.slideLevels[level]
        width = geometry.levelDimensions[level].width
        let tile = slide.levels[slideLevel]
        let across = (width + chunks - 1) / chunks
        chunkWidth = max(tile.tileWidth, (across + tile.tileWidth - 1) / tile.tileWidth * tile.tileWidth)
        stripHeight = tile.tileHeight * max(1, 256 / max(1, tile.tileHeight))
    }

    /// Whether strips can be assembled from whole decoded tiles (see `Slide.hasOpaqueTiles`), skipping `readRegion`.
    private var readsWholeTiles: Bool {
        slide.hasOpaqueTiles(level: slideLevel) && geometry.origin == (0, 0) && stripHeight % slide.levels[slideLevel].tileHeight == 0
    }

    /// Rows `top ..< top + rows` of the level as opaque RGBA (composited on white).
    func read(top: Int, rows: Int) async throws -> PixelRows {
        let strip = PixelRows(firstRow: top, width: width, height: rows, memory: memory)
        let wholeTiles = readsWholeTiles
        try await withThrowingTaskGroup(of: Void.self) { chunks in
            for start in stride(from: 0, to: width, by: chunkWidth) {
                chunks.addTask {
                    let chunk = min(chunkWidth, width - start)
                    if wholeTiles {
                        try copyTiles(into: strip, columns: start..<(start + chunk), top: top, rows: rows)
                    } else {
                        try copyRegion(into: strip, columns: start..<(start + chunk), top: top, rows: rows)
                    }
                }
            }
            try await chunks.waitForAll()
        }
        return strip
    }

    private func copyRegion(into strip: PixelRows, columns: Range<Int>, top: Int, rows: Int) throws {
        let origin = geometry.slideLocation(level: level, x: columns.lowerBound, y: top)
        var image = try slide.readRegion(x: origin.x, y: origin.y, level: slideLevel, width: columns.count, height: rows)
        image.pixels.withUnsafeMutableBytes { pixels in
            WhiteBackground.flatten(pixels)
            for row in 0..<rows {
                (strip.row(top + row) + columns.lowerBound * 4).copyMemory(from: pixels.baseAddress! + row * image.width * 4, byteCount: image.width * 4)
            }
        }
    }

    /// Copies the visible part of each slide tile the chunk covers (tiles are opaque, so no compositing).
    private func copyTiles(into strip: PixelRows, columns: Range<Int>, top: Int, rows: Int) throws {
        let tile = slide.levels[slideLevel]
        for tileRow in (top / tile.tileHeight)..<((top + rows + tile.tileHeight - 1) / tile.tileHeight) {
            for tileColumn in (columns.lowerBound / tile.tileWidth)..<((columns.upperBound + tile.tileWidth - 1) / tile.tileWidth) {
                let pixels = try slide.wholeTile(level: slideLevel, column: tileColumn, row: tileRow)
                let left = tileColumn * tile.tileWidth, visibleWidth = min(tile.tileWidth, columns.upperBound - left)
                let firstRow = tileRow * tile.tileHeight, visibleRows = min(tile.tileHeight, top + rows - firstRow)
                pixels.withUnsafeBytes { source in
                    for row in 0..<visibleRows {
                        (strip.row(firstRow + row) + left * 4).copyMemory(from: source.baseAddress! + row * tile.tileWidth * 4, byteCount: visibleWidth * 4)
                    }
                }
            }
        }
    }
}
