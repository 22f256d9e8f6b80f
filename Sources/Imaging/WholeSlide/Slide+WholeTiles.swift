
extension Slide {
    /// Whether every tile of `level` decodes straight to opaque RGBA (JPEG, or JPEG 2000 without alpha, none missing):
    /// then a region on the level's tile grid is its tiles' pixels exactly, and `wholeTile` gives them without a
    /// region's compositing and copies.
    public func hasOpaqueTiles(level: Int) -> Bool {
        let source = sources[level]
        guard case .jpeg = source.codec else {
            guard case .jpeg2000 = source.codec else { return false }
            return !source.codec.mayHavePartialAlpha(samplesPerPixel: source.directory.samplesPerPixel) && source.missingTiles.isEmpty
        }
        return source.missingTiles.isEmpty
    }

    /// Tile (`column`, `row`) of `level`, decoded now and not cached (for reading a level once, in tile order):
    /// `tileWidth` x `tileHeight` RGBA, transparent past the image's edges.
    public func wholeTile(level: Int, column: Int, row: Int) throws(SlideError) -> [UInt8] {
        guard levels.indices.contains(level) else {
            throw SlideError(.invalidRequest, file: path, "level \(level) does not exist (the slide has \(levels.count))")
        }
        let source = sources[level]
        guard (0..<source.tilesAcross).contains(column), (0..<source.tilesDown).contains(row) else {
            throw SlideError(.invalidRequest, file: path, "no tile (\(column), \(row)) in level \(level) (\(source.tilesAcross) x \(source.tilesDown) tiles)")
        }
        return try decoding.decode(source, tile: row * source.tilesAcross + column)
    }
}
