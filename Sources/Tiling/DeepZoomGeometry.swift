import Foundation

/// Deep Zoom pyramid geometry exactly as openslide-python's `DeepZoomGenerator` computes it: level sizes
/// halving (rounding up) down to 1 x 1, tiles per level, overlap on interior edges only, and for each tile the
/// slide level to read from and the `read_region` parameters in level-0 pixels.
public struct DeepZoomGeometry: Sendable, Equatable {
    /// What the geometry needs to know about a slide.
    public struct SlideFacts: Sendable, Equatable {
        public var levelDimensions: [(width: Int, height: Int)]
        public var levelDownsamples: [Double]
        /// `openslide.bounds-x/y/width/height`, when the slide has them (used with `limitBounds`).
        public var bounds: (x: Int?, y: Int?, width: Int?, height: Int?)

        public init(levelDimensions: [(width: Int, height: Int)], levelDownsamples: [Double], bounds: (x: Int?, y: Int?, width: Int?, height: Int?) = (nil, nil, nil, nil)) {
            self.levelDimensions = levelDimensions
            self.levelDownsamples = levelDownsamples
            self.bounds = bounds
        }

        public static func == (lhs: SlideFacts, rhs: SlideFacts) -> Bool {
            lhs.levelDimensions.map { [$0.width, $0.height] } == rhs.levelDimensions.map { [$0.width, $0.height] }
                && lhs.levelDownsamples == rhs.levelDownsamples && lhs.bounds == rhs.bounds
        }
    }

    /// Where a tile comes from and how big it ends up.
    public struct Tile: Sendable, Equatable {
        /// Top-left of the region to read, in level-0 pixels.
        public let location: (x: Int, y: Int)
        public let slideLevel: Int
        /// Region size at `slideLevel`.
        public let size: (width: Int, height: Int)
        /// The tile's final size (the region is scaled to it).
        public let tileSize: (width: Int, height: Int)

        public static func == (lhs: Tile, rhs: Tile) -> Bool {
            lhs.location == rhs.location && lhs.slideLevel == rhs.slideLevel && lhs.size == rhs.size && lhs.tileSize == rhs.tileSize
        }
    }

    public let tileSize: Int
    public let overlap: Int
    /// Deep Zoom level sizes, smallest (1 x 1) first.
    public let levelDimensions: [(width: Int, height: Int)]
    /// Tiles per Deep Zoom level (columns, rows).
    public let levelTiles: [(columns: Int, rows: Int)]
    /// The slide level each Deep Zoom level is read from.
    public let slideLevels: [Int]
    /// Slide level sizes after `limitBounds` (the whole levels without it).
    let activeDimensions: [(width: Int, height: Int)]
    /// Level-0 pixel of the Deep Zoom image's top-left corner (the bounds' origin with `limitBounds`).
    let offset: (x: Int, y: Int)
    let slideDownsamples: [Double]
    let levelToSlideDownsamples: [Double]

    public static func == (lhs: DeepZoomGeometry, rhs: DeepZoomGeometry) -> Bool {
        lhs.tileSize == rhs.tileSize && lhs.overlap == rhs.overlap && lhs.levelDimensions.map { [$0.width, $0.height] } == rhs.levelDimensions.map { [$0.width, $0.height] }
            && lhs.slideLevels == rhs.slideLevels
    }

    /// `exactBounds`: level 0 is the bounds' width and height exactly. DeepZoomGenerator scales level 0 by
    /// bounds ÷ width in floating point and rounds up, which can make it a pixel larger than the bounds; the viewer's
    /// items need their pyramid and their frame the same size (`ItemTiles`), `arbiter tile` needs OpenSlide's.
    public init(slide: SlideFacts, tileSize: Int = 254, overlap: Int = 1, limitBounds: Bool = false, exactBounds: Bool = false) {
        precondition(tileSize > 0 && overlap >= 0 && !slide.levelDimensions.isEmpty, "a tile size, an overlap and at least one level")
        self.tileSize = tileSize
        self.overlap = overlap
        let level0 = slide.levelDimensions[0]
        if limitBounds {
            offset = (slide.bounds.x ?? 0, slide.bounds.y ?? 0)
            let scale = (Double(slide.bounds.width ?? level0.width) / Double(level0.width), Double(slide.bounds.height ?? level0.height) / Double(level0.height))
            var active = slide.levelDimensions.map { (width: Int((Double($0.width) * scale.0).rounded(.up)), height: Int((Double($0.height) * scale.1).rounded(.up))) }
            if exactBounds { active[0] = (slide.bounds.width ?? level0.width, slide.bounds.height ?? level0.height) }
            activeDimensions = active
        } else {
            offset = (0, 0)
            activeDimensions = slide.levelDimensions
        }
        var size = activeDimensions[0]
        var dimensions = [size]
        while size.width > 1 || size.height > 1 {
            size = (max(1, Int((Double(size.width) / 2).rounded(.up))), max(1, Int((Double(size.height) / 2).rounded(.up))))
            dimensions.append(size)
        }
        let reversed = Array(dimensions.reversed())
        levelDimensions = reversed
        levelTiles = reversed.map { (Int((Double($0.width) / Double(tileSize)).rounded(.up)), Int((Double($0.height) / Double(tileSize)).rounded(.up))) }
        let count = reversed.count
        let levelZeroDownsamples = (0..<count).map { Double(1 << (count - $0 - 1)) }
        let levels = levelZeroDownsamples.map { Self.bestLevel(for: $0, downsamples: slide.levelDownsamples) }
        slideLevels = levels
        slideDownsamples = slide.levelDownsamples
        levelToSlideDownsamples = (0..<count).map { levelZeroDownsamples[$0] / slide.levelDownsamples[levels[$0]] }
    }

    /// OpenSlide's `get_best_level_for_downsample`: the last level whose downsample does not exceed the wanted one.
    public static func bestLevel(for downsample: Double, downsamples: [Double]) -> Int {
        if downsample < downsamples[0] { return 0 }
        for level in 1..<max(1, downsamples.count) where downsample < downsamples[level] { return level - 1 }
        return downsamples.count - 1
    }

    /// The region and final size of tile (`column`, `row`) of Deep Zoom level `level`.
    public func tile(level: Int, column: Int, row: Int) -> Tile {
        precondition(levelDimensions.indices.contains(level) && (0..<levelTiles[level].columns).contains(column) && (0..<levelTiles[level].rows).contains(row),
                     "no tile \(column),\(row) at level \(level)")
        let slideLevel = slideLevels[level]
        let address = [column, row]
        let limits = [levelTiles[level].columns, levelTiles[level].rows]
        let levelSize = [levelDimensions[level].width, levelDimensions[level].height]
        let slideSize = [activeDimensions[slideLevel].width, activeDimensions[slideLevel].height]
        let offsets = [offset.x, offset.y]
        var location = [0, 0], regionSize = [0, 0], finalSize = [0, 0]
        for axis in 0..<2 {
            let before = address[axis] != 0 ? overlap : 0
            let after = address[axis] != limits[axis] - 1 ? overlap : 0
            finalSize[axis] = min(tileSize, levelSize[axis] - tileSize * address[axis]) + before + after
            let levelLocation = levelToSlideDownsamples[level] * Double(tileSize * address[axis] - before)
            location[axis] = Int(slideDownsamples[slideLevel] * levelLocation + Double(offsets[axis]))
            let extent = (levelToSlideDownsamples[level] * Double(finalSize[axis])).rounded(.up)
            regionSize[axis] = Int(min(extent, Double(slideSize[axis]) - levelLocation.rounded(.up)))
        }
        return Tile(location: (location[0], location[1]), slideLevel: slideLevel, size: (regionSize[0], regionSize[1]),
                    tileSize: (finalSize[0], finalSize[1]))
    }
}

extension DeepZoomGeometry {
    /// Whether Deep Zoom level `level` is a slide level pixel for pixel: the same downsample and the same size, so
    /// its tiles are copies of the slide's pixels (DeepZoomGenerator does not resample them).
    public func isNative(_ level: Int) -> Bool {
        let slideLevel = slideLevels[level]
        return levelToSlideDownsamples[level] == 1 && activeDimensions[slideLevel].width == levelDimensions[level].width
            && activeDimensions[slideLevel].height == levelDimensions[level].height
    }

    /// The level-0 pixel where pixel (`x`, `y`) of Deep Zoom level `level` is read from, as DeepZoomGenerator places
    /// tiles (`int(downsample * location + offset)`).
    public func slideLocation(level: Int, x: Int, y: Int) -> (x: Int, y: Int) {
        let scale = slideDownsamples[slideLevels[level]] * levelToSlideDownsamples[level]
        return (Int(scale * Double(x) + Double(offset.x)), Int(scale * Double(y) + Double(offset.y)))
    }

    /// Pixels of the slide level read per pixel of Deep Zoom level `level` (1 for native levels).
    public func slideLevelScale(_ level: Int) -> Double { levelToSlideDownsamples[level] }

    /// Level-0 pixels per pixel of Deep Zoom level `level` (a power of two).
    public func downsample(level: Int) -> Double {
        Double(1 << (levelDimensions.count - 1 - level))
    }

    /// The pixels tile (`column`, `row`) of `level` covers in its level, overlap included, clipped to the level:
    /// where the last column or row of tiles is narrower than the overlap, the tile before it would reach past the
    /// level's edge, and DeepZoomGenerator's region (hence its tile) stops at the edge.
    public func tileRect(level: Int, column: Int, row: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        let size = tile(level: level, column: column, row: row).tileSize
        let x = column * tileSize - (column > 0 ? overlap : 0), y = row * tileSize - (row > 0 ? overlap : 0)
        return (x, y, min(size.width, levelDimensions[level].width - x), min(size.height, levelDimensions[level].height - y))
    }

    /// Every tile of every level.
    public var tileCount: Int { levelTiles.reduce(0) { $0 + $1.columns * $1.rows } }

    /// The top-left corner of the Deep Zoom image in level-0 pixels (non-zero only with `limitBounds`).
    public var origin: (x: Int, y: Int) { offset }
}

extension DeepZoomGeometry {
    /// What to read for any rectangle of Deep Zoom level `level` (in its pixels), placed as `tile` places a tile
    /// without overlap: the viewer cuts turned items into tiles that do not line up with the level's own.
    public func region(level: Int, x: Int, y: Int, width: Int, height: Int) -> Tile {
        precondition(levelDimensions.indices.contains(level) && width > 0 && height > 0 && x >= 0 && y >= 0
                     && x + width <= levelDimensions[level].width && y + height <= levelDimensions[level].height,
                     "no rectangle \(x),\(y) \(width)x\(height) in level \(level)")
        let slideLevel = slideLevels[level]
        let start = [x, y], extent = [width, height], offsets = [offset.x, offset.y]
        let slideSize = [activeDimensions[slideLevel].width, activeDimensions[slideLevel].height]
        var location = [0, 0], regionSize = [0, 0]
        for axis in 0..<2 {
            let levelLocation = levelToSlideDownsamples[level] * Double(start[axis])
            location[axis] = Int(slideDownsamples[slideLevel] * levelLocation + Double(offsets[axis]))
            let wanted = (levelToSlideDownsamples[level] * Double(extent[axis])).rounded(.up)
            regionSize[axis] = max(1, Int(min(wanted, Double(slideSize[axis]) - levelLocation.rounded(.up))))
        }
        return Tile(location: (location[0], location[1]), slideLevel: slideLevel, size: (regionSize[0], regionSize[1]),
                    tileSize: (width, height))
    }
}
