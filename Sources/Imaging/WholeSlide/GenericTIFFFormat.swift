/// A generic tiled TIFF pyramid: IFD 0 and every tiled reduced-resolution IFD (NewSubfileType bit 0) of the
/// main chain, largest first, as OpenSlide's generic-tiff reader takes them.
enum GenericTIFFFormat: SlideFormat {
    static let name = "generic-tiff"

    static func detect(_ structure: TIFFStructure) -> Bool {
        structure.directories.first?.isTiled ?? false
    }

    static func open(_ structure: TIFFStructure) throws(SlideError) -> SlideLayout {
        let candidates = structure.directories.enumerated().filter { index, directory in
            directory.isTiled && (index == 0 || directory.subfileType & 1 != 0)
        }
        var levels: [LevelSource] = []
        for (_, directory) in candidates { levels.append(try LevelSource(directory, path: structure.path, fileSize: structure.fileSize)) }
        levels.sort { $0.width > $1.width }
        return layout(vendor: name, levels: levels, properties: structure.directories[0])
    }

    /// Properties from IFD 0 (OpenSlide's `tiff.*`, resolution and bounds) around the given levels.
    static func layout(vendor: String, levels: [LevelSource], properties directory: TIFFDirectory) -> SlideLayout {
        var levels = levels
        SlideProperties.assignDownsamples(&levels)
        var properties = SlideProperties.tiffProperties(of: directory)
        properties.merge(SlideProperties.resolutionProperties(of: directory)) { _, new in new }
        properties.merge(boundsProperties(levels[0])) { _, new in new }
        properties.merge(SlideProperties.standard(vendor: vendor, levels: levels, associated: [:],
                                                  iccSize: levels[0].directory.iccProfileSize)) { _, new in new }
        return SlideLayout(vendor: vendor, levels: levels, associated: [:], properties: properties)
    }

    /// `openslide.bounds-*` when missing tiles leave a border empty (OpenSlide's `set_bounds_props_from_grid`).
    static func boundsProperties(_ level: LevelSource) -> [String: String] {
        guard !level.missingTiles.isEmpty else { return [:] }
        let present = (0..<(level.tilesAcross * level.tilesDown)).filter { !level.missingTiles.contains($0) }
        guard let first = present.first else { return [:] }
        var (minColumn, maxColumn, minRow, maxRow) = (first % level.tilesAcross, 0, first / level.tilesAcross, 0)
        for tile in present {
            let (column, row) = (tile % level.tilesAcross, tile / level.tilesAcross)
            minColumn = min(minColumn, column); maxColumn = max(maxColumn, column)
            minRow = min(minRow, row); maxRow = max(maxRow, row)
        }
        let x = minColumn * level.tileWidth, y = minRow * level.tileHeight
        let width = min((maxColumn + 1 - minColumn) * level.tileWidth, level.width - x)
        let height = min((maxRow + 1 - minRow) * level.tileHeight, level.height - y)
        if x == 0, y == 0, width == level.width, height == level.height { return [:] }
        return ["openslide.bounds-x": String(x), "openslide.bounds-y": String(y),
                "openslide.bounds-width": String(width), "openslide.bounds-height": String(height)]
    }
}
