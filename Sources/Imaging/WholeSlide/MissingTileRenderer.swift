
/// OpenSlide's Aperio `render_missing_tile`: a tile with no data above level 0 is painted from the level before
/// (larger) it, through a surface translated by (-1, -1) and scaled by the ratio of the two downsamples, covering one
/// extra pixel on each side; the previous level's tiles are placed as its grid places them, right to left and bottom
/// to top, and a missing tile there is redrawn in turn (through `Slide.tile`, which caches it).
struct MissingTileRenderer {
    let slide: Slide
    let level: Int

    /// The redrawn tile: premultiplied RGBA, clipped to the level like a decoded tile.
    func render(_ index: Int) throws(SlideError) -> [UInt8] {
        let source = slide.sources[level], previous = slide.sources[level - 1]
        let (width, height) = (source.tileWidth, source.tileHeight)
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let relative = previous.downsample / source.downsample
        let (column, row) = (index % source.tilesAcross, index / source.tilesAcross)
        let columns = GridSpan(start: Double(column * width - 1) / relative, length: Int((Double(width + 2) / relative).rounded(.up)),
                               advance: previous.tileWidth, tiles: previous.tilesAcross)
        let rows = GridSpan(start: Double(row * height - 1) / relative, length: Int((Double(height + 2) / relative).rounded(.up)),
                            advance: previous.tileHeight, tiles: previous.tilesDown)
        if let columns, let rows {
            for tileRow in rows.tiles.reversed() {
                let placeY = Double(tileRow - rows.first) * Double(previous.tileHeight) - rows.offset
                for tileColumn in columns.tiles.reversed() {
                    let placeX = Double(tileColumn - columns.first) * Double(previous.tileWidth) - columns.offset
                    guard let tile = try slide.tile(level: level - 1, index: tileRow * previous.tilesAcross + tileColumn) else { continue }
                    // The pattern matrix is the inverse of translate(-1, -1) · scale(relative) · translate(place).
                    ScaledCompositing.draw(PlacedTile(pixels: tile, width: previous.tileWidth, height: previous.tileHeight),
                                           x: .init(scale: 1.0 / relative, offset: 1.0 / relative - placeX),
                                           y: .init(scale: 1.0 / relative, offset: 1.0 / relative - placeY),
                                           into: &pixels, width: width, height: height)
                }
            }
        }
        TileDecoding.clip(&pixels, source, tile: index)
        return pixels
    }

    /// The previous level's tiles an area crosses along one axis (OpenSlide's `compute_region` and its bounds): the
    /// area never starts a whole tile before the grid, so no tiles are skipped.
    private struct GridSpan {
        let first: Int
        let offset: Double
        let tiles: Range<Int>

        init?(start: Double, length: Int, advance: Int, tiles count: Int) {
            first = Int(start / Double(advance))
            let end = Int(((start + Double(length)) / Double(advance)).rounded(.up))
            guard end > 0, first <= count - 1, first >= 0 else { return nil }
            offset = start - Double(first) * Double(advance)
            tiles = first..<min(end, count)
        }
    }
}
