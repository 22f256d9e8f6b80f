/// Everything needed to read the tiles of one level: its directory, grid and codec.
struct LevelSource: Sendable {
    let directory: TIFFDirectory
    let codec: TileCodec
    let tileWidth: Int
    let tileHeight: Int
    let tilesAcross: Int
    let tilesDown: Int
    /// Tiles with no data (zero byte count), drawn transparent as OpenSlide does, unless `redrawsMissingTiles`.
    var missingTiles: Set<Int>
    /// Whether a missing tile is redrawn from the level before (larger) this one, as OpenSlide's Aperio reader does.
    var redrawsMissingTiles = false
    var downsample: Double = 1

    init(_ directory: TIFFDirectory, path: String, fileSize: UInt64) throws(SlideError) {
        guard let tileSize = directory.tileSize else {
            throw SlideError(.unsupportedFormat, file: path, directory: directory.address.description, "not tiled")
        }
        self.directory = directory
        codec = try TileCodec.choose(for: directory, path: path)
        try directory.checkTileExtents(fileSize: fileSize, path: path)
        tileWidth = tileSize.width
        tileHeight = tileSize.height
        tilesAcross = (directory.width + tileWidth - 1) / tileWidth
        tilesDown = (directory.height + tileHeight - 1) / tileHeight
        missingTiles = Set(directory.tileByteCounts.prefix(tilesAcross * tilesDown).indices.filter { directory.tileByteCounts[$0] == 0 })
    }

    var width: Int { directory.width }
    var height: Int { directory.height }

    var level: SlideLevel {
        SlideLevel(width: width, height: height, downsample: downsample, tileWidth: tileWidth, tileHeight: tileHeight)
    }
}

/// What a slide format makes of a TIFF file: levels (largest first), associated images and properties.
struct SlideLayout: Sendable {
    var vendor: String
    var levels: [LevelSource]
    var associated: [String: TIFFDirectory]
    var properties: [String: String]
}
