
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
        var placements: [TilePlacement] = []
        for row in rows.tiles.reversed() {
            for column in grid.tiles.reversed() {
                placements.append(TilePlacement(
                    index: row * source.tilesAcross + column,
                    x: Double(shiftX) + (Double((column - grid.first) * source.tileWidth) - grid.offset),
                    y: Double(shiftY) + (Double((row - rows.first) * source.tileHeight) - rows.offset)))
            }
        }
        if placements.allSatisfy({ CairoPlacement.isPixelExact($0.x) && CairoPlacement.isPixelExact($0.y) }) {
            try WholePixelPainter(slide: slide, level: level, surface: clipped).paint(placements, into: &image)
            return false
        }
        let prefetched = try TilePrefetch.decode(placements.map(\.index), level: level, slide: slide)
        // The canvas borrows the image's storage (a swap, not a copy-on-write of the whole region).
        var canvas = Canvas(image: RGBAImage(width: 0, height: 0, pixels: []), surface: clipped)
        swap(&canvas.image, &image)
        defer { swap(&canvas.image, &image) }
        for placement in placements {
            let pixels: [UInt8]
            if let prefetched = prefetched[placement.index] {
                pixels = prefetched
            } else if let decoded = try slide.tile(level: level, index: placement.index) {
                pixels = decoded
            } else {
                continue
            }
            canvas.draw(pixels, tileWidth: source.tileWidth, tileHeight: source.tileHeight, atX: placement.x, y: placement.y)
        }
        return canvas.resampled
    }
}

/// Where cairo's CTM puts a tile's top-left corner, in surface coordinates.
struct TilePlacement {
    let index: Int
    let x: Double
    let y: Double
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
