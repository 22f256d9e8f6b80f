/// Paints a region the way `openslide_read_region` does: 4096-pixel chunks, negative coordinates shifted by whole
/// pixels, tiles placed at `x / downsample` in the level, tiles drawn right to left and bottom to top.
struct RegionPainter {
    let slide: Slide
    let level: Int

    private var source: LevelSource { slide.sources[level] }

    /// Paints the region; returns whether any tile was resampled (placed at a fractional position).
    func paint(into image: inout RGBAImage, x: Int, y: Int) throws(SlideError) -> Bool {
        var resampled = false
        let chunk = 4096
        let downsample = source.downsample
        for row in 0..<((image.height + chunk - 1) / chunk) {
            for column in 0..<((image.width + chunk - 1) / chunk) {
                let chunkX = Int(Double(x) + Double(column * chunk) * downsample)
                let chunkY = Int(Double(y) + Double(row * chunk) * downsample)
                let area = Area(originX: column * chunk, originY: row * chunk,
                                width: min(image.width - column * chunk, chunk), height: min(image.height - row * chunk, chunk))
                resampled = try paintArea(area, x: chunkX, y: chunkY, into: &image) || resampled
            }
        }
        return resampled
    }

    /// A rectangle of the output image that one OpenSlide surface covers.
    struct Area {
        var originX: Int
        var originY: Int
        var width: Int
        var height: Int
    }

    private func paintArea(_ area: Area, x: Int, y: Int, into image: inout RGBAImage) throws(SlideError) -> Bool {
        var (area, x, y) = (area, x, y)
        let downsample = source.downsample
        var shiftX = 0, shiftY = 0
        if x < 0 { shiftX = Int(Double(-x) / downsample); x = 0 }
        if y < 0 { shiftY = Int(Double(-y) / downsample); y = 0 }
        let clipped = Area(originX: area.originX, originY: area.originY, width: area.width, height: area.height)
        area.width -= shiftX
        area.height -= shiftY
        guard area.width > 0, area.height > 0 else { return false }
        let levelX = Double(x) / downsample, levelY = Double(y) / downsample
        let grid = TileSpan(start: levelX, length: area.width, tileSize: source.tileWidth, tiles: source.tilesAcross)
        let rows = TileSpan(start: levelY, length: area.height, tileSize: source.tileHeight, tiles: source.tilesDown)
        guard let grid, let rows else { return false }
        let needed = rows.tiles.flatMap { row in grid.tiles.map { row * source.tilesAcross + $0 } }
        let prefetched = try TilePrefetch.decode(needed, level: level, slide: slide)
        // The canvas borrows the image's storage (a swap, not a copy-on-write of the whole region).
        var canvas = Canvas(image: RGBAImage(width: 0, height: 0, pixels: []), surface: clipped)
        swap(&canvas.image, &image)
        defer { swap(&canvas.image, &image) }
        for row in rows.tiles.reversed() {
            for column in grid.tiles.reversed() {
                let index = row * source.tilesAcross + column
                let placeX = Double(shiftX) + (Double((column - grid.first) * source.tileWidth) - grid.offset)
                let placeY = Double(shiftY) + (Double((row - rows.first) * source.tileHeight) - rows.offset)
                if let pixels = prefetched[index] ?? slide.cache.tile(TileCache.Key(level: level, tile: index)) {
                    canvas.draw(pixels, tileWidth: source.tileWidth, tileHeight: source.tileHeight, atX: placeX, y: placeY)
                    continue
                }
                if try paintPartialTile(index, atX: placeX, y: placeY, on: &canvas) { continue }
                guard let pixels = try slide.tile(level: level, index: index) else { continue }
                canvas.draw(pixels, tileWidth: source.tileWidth, tileHeight: source.tileHeight, atX: placeX, y: placeY)
            }
        }
        return canvas.resampled
    }
}

extension RegionPainter {
    /// A JPEG or JPEG 2000 tile the region only partly covers, placed on whole pixels and not cached, is decoded just
    /// where it is visible (libjpeg-turbo's crop and skip, OpenJPEG's decode area) and not cached. Returns false when
    /// the tile needs the usual path.
    fileprivate func paintPartialTile(_ index: Int, atX x: Double, y: Double, on canvas: inout Canvas) throws(SlideError) -> Bool {
        guard !source.missingTiles.contains(index), !source.codec.mayHavePartialAlpha(samplesPerPixel: source.directory.samplesPerPixel)
        else { return false }
        let (column, row) = (index % source.tilesAcross, index / source.tilesAcross)
        let visibleWidth = min(source.tileWidth, source.width - column * source.tileWidth)
        let visibleHeight = min(source.tileHeight, source.height - row * source.tileHeight)
        guard let placement = canvas.partialWindow(visibleWidth: visibleWidth, visibleHeight: visibleHeight, atX: x, y: y) else {
            return false
        }
        guard let pixels = try slide.decoding.decodeWindow(source, tile: index, window: placement.window) else { return false }
        canvas.copy(PlacedTile(pixels: pixels, width: placement.window.width, height: placement.window.height),
                    atX: placement.x, y: placement.y)
        return true
    }
}

/// The tiles a region crosses along one axis (OpenSlide's `compute_region` and its bounds), or nil if none.
struct TileSpan {
    /// The first tile OpenSlide computes (before bounding), which placements are relative to.
    let first: Int
    /// Where the region starts inside `first`, in level pixels (may be fractional).
    let offset: Double
    let tiles: Range<Int>

    init?(start: Double, length: Int, tileSize: Int, tiles count: Int) {
        let first = Int(start / Double(tileSize))
        let end = Int(((start + Double(length)) / Double(tileSize)).rounded(.up))
        guard end > 0, first <= count - 1 else { return nil }
        self.first = first
        offset = start - Double(first * tileSize)
        tiles = max(first, 0)..<min(end, count)
    }
}
