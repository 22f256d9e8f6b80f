import Imaging

/// Reads full-width strips of a native Deep Zoom level from its slide level, split into column chunks read at once,
/// with strips and chunks on the slide's tile grid so each slide tile is decoded once and whole.
struct StripReader: Sendable {
    let slide: Slide
    let geometry: DeepZoomGeometry
    let level: Int
    let slideLevel: Int
    let width: Int
    let chunkWidth: Int
    /// Rows per strip: whole slide tiles, about 256 rows.
    let stripHeight: Int

    init(slide: Slide, geometry: DeepZoomGeometry, level: Int, chunks: Int) {
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

    /// Rows `top ..< top + rows` of the level as opaque RGBA (composited on white).
    func read(top: Int, rows: Int) async throws -> [UInt8] {
        let starts = Array(stride(from: 0, to: width, by: chunkWidth))
        var strip = [UInt8](repeating: 0, count: width * rows * 4)
        try await withThrowingTaskGroup(of: (Int, RGBAImage).self) { chunks in
            for start in starts {
                chunks.addTask {
                    let origin = geometry.slideLocation(level: level, x: start, y: top)
                    var image = try slide.readRegion(x: origin.x, y: origin.y, level: slideLevel, width: min(chunkWidth, width - start), height: rows)
                    image.pixels.withUnsafeMutableBytes { WhiteBackground.flatten($0) }
                    return (start, image)
                }
            }
            for try await (start, image) in chunks {
                strip.withUnsafeMutableBytes { destination in
                    image.pixels.withUnsafeBytes { source in
                        for row in 0..<rows {
                            (destination.baseAddress! + (row * width + start) * 4)
                                .copyMemory(from: source.baseAddress! + row * image.width * 4, byteCount: image.width * 4)
                        }
                    }
                }
            }
        }
        return strip
    }
}
