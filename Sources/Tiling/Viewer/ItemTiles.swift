import Imaging

/// The Deep Zoom tiles a reader's viewer shows of one item: a level-0 box of a slide (or the whole slide), turned or
/// mirrored as the reader's assignment shows it, cut into square tiles without overlap, made from the slide when
/// asked. Level `levels - 1` is the box at level 0; each level before it halves it (rounding up), to 1 × 1.
/// The shown picture is cut, not the slide's: a turned item's tiles are made from the rectangle of the unturned
/// level that the shown tile covers, then turned, so every tile is whole and the picture needs no client-side turning.
public struct ItemTiles: Sendable {
    public let slide: Slide
    /// The unturned item's geometry: the slide limited to the box.
    public let geometry: DeepZoomGeometry
    public let orientation: PNGCodec.Image.Orientation?
    public let tileSize: Int
    public let quality: Int
    /// Where the item's small levels are kept once read (nil: read from the slide each time).
    let overviews: ItemOverviews?
    /// Names the item (its slide's file and box) in caches; never shown.
    public let itemKey: String
    private let tileKeyPrefix: String

    /// `box`: x, y, width and height in level-0 pixels; nil for the whole slide.
    public init(slide: Slide, box: (x: Int, y: Int, width: Int, height: Int)?, orientation: PNGCodec.Image.Orientation?,
                tileSize: Int = 256, quality: Int = 85, overviews: ItemOverviews? = nil) {
        var facts = DeepZoomGeometry.SlideFacts(slide)
        if let box { facts.bounds = (box.x, box.y, box.width, box.height) }
        self.slide = slide
        // Level 0 is the box exactly, so that the pyramid and the frame shapes are drawn in have one size.
        geometry = DeepZoomGeometry(slide: facts, tileSize: tileSize, overlap: 0, limitBounds: box != nil, exactBounds: true)
        self.orientation = orientation
        self.tileSize = tileSize
        self.quality = quality
        self.overviews = overviews
        itemKey = "\(slide.path)|" + (box.map { "\($0.x),\($0.y),\($0.width),\($0.height)" } ?? "whole")
        tileKeyPrefix = "\(itemKey)|\(orientation.map { "\($0)" } ?? "as-is")|"
    }

    /// Names tile (`level`, `column`, `row`) of the item as shown (turned or not) in caches; never shown. Built on a
    /// prefix made once: it is asked for on every tile request.
    public func tileKey(level: Int, column: Int, row: Int) -> String {
        tileKeyPrefix + "\(level)/\(column)_\(row)"
    }

    public var levels: Int { geometry.levelDimensions.count }

    /// Whether the picture is shown a quarter turn from the slide, so its width and height swap.
    private var swaps: Bool {
        if case .clockwise(let turns) = orientation { return turns % 2 != 0 }
        return false
    }

    /// The size of shown level `level`.
    public func size(level: Int) -> (width: Int, height: Int) {
        let size = geometry.levelDimensions[level]
        return swaps ? (size.height, size.width) : size
    }

    /// Columns and rows of shown level `level`.
    public func grid(level: Int) -> (columns: Int, rows: Int) {
        let size = size(level: level)
        return ((size.width + tileSize - 1) / tileSize, (size.height + tileSize - 1) / tileSize)
    }

    /// Whether (`level`, `column`, `row`) names a tile of the shown picture.
    public func contains(level: Int, column: Int, row: Int) -> Bool {
        guard (0..<levels).contains(level) else { return false }
        let grid = grid(level: level)
        return (0..<grid.columns).contains(column) && (0..<grid.rows).contains(row)
    }

    /// The tile as JPEG. The caller checks `contains` first.
    public func jpeg(level: Int, column: Int, row: Int) throws -> [UInt8] {
        let image = try pixels(level: level, column: column, row: row)
        return try image.pixels.withUnsafeBytes { raw in
            let rows = (0..<image.height).map { UnsafeRawPointer(raw.baseAddress! + $0 * image.width * 4) }
            return try JPEGEncoder.encode(rows: rows, width: image.width, channels: 4, quality: quality)
        }
    }

    /// The tile's opaque RGBA pixels, as shown.
    public func pixels(level: Int, column: Int, row: Int) throws -> PNGCodec.Image {
        precondition(contains(level: level, column: column, row: row), "no tile \(column),\(row) at level \(level)")
        let shown = size(level: level)
        let x = column * tileSize, y = row * tileSize
        let width = min(tileSize, shown.width - x), height = min(tileSize, shown.height - y)
        let source = unturned(x: x, y: y, width: width, height: height, level: level)
        if let picture = try smallLevelPicture(for: level) {
            let image = Self.cut(picture, level: level, x: source.x, y: source.y, width: source.width, height: source.height)
            return orientation.map { image.oriented($0) } ?? image
        }
        let resized = try read(level: level, x: source.x, y: source.y, width: source.width, height: source.height)
        let image = PNGCodec.Image(width: resized.width, height: resized.height, channels: 4, pixels: resized.pixels)
        return orientation.map { image.oriented($0) } ?? image
    }

    /// The item's kept picture, when `level` is cut from it: a level no finer than the picture's, whose tiles would
    /// read at least 4 × 4 slide pixels for each of theirs.
    func smallLevelPicture(for level: Int) throws -> ItemOverviews.Picture? {
        guard let overviews, geometry.slideLevelScale(level) >= 4 else { return nil }
        let pictureLevel = overviewLevel
        guard level <= pictureLevel else { return nil }
        return try overviews.picture(itemKey) {
            let size = geometry.levelDimensions[pictureLevel]
            let image = try read(level: pictureLevel, x: 0, y: 0, width: size.width, height: size.height)
            return ItemOverviews.Picture(level: pictureLevel, width: image.width, height: image.height, pixels: image.pixels)
        }
    }

    /// The rectangle of unturned level `level` read from the slide level that serves it, on white, and shrunk to size.
    private func read(level: Int, x: Int, y: Int, width: Int, height: Int) throws -> PillowResampling.Image {
        let info = geometry.region(level: level, x: x, y: y, width: width, height: height)
        var region = try slide.readRegion(x: info.location.x, y: info.location.y, level: info.slideLevel,
                                          width: info.size.width, height: info.size.height)
        region.pixels.withUnsafeMutableBytes { WhiteBackground.flatten($0) }
        return PillowResampling.thumbnail(PillowResampling.Image(width: region.width, height: region.height, pixels: region.pixels),
                                          width: width, height: height)
    }

    /// The finest level whose longest side is within `ItemOverviews.longestSide`.
    var overviewLevel: Int {
        geometry.levelDimensions.lastIndex { max($0.width, $0.height) <= ItemOverviews.longestSide } ?? 0
    }

    /// Makes the item's kept picture now, if its small levels need one: a page about to show the item calls it, so
    /// that its first tiles do not wait for the slide.
    public func prepareSmallLevels() throws {
        _ = try smallLevelPicture(for: 0)
    }

    /// The rectangle (`x`, `y`, `width`, `height`) of level `level` cut from `picture`, a finer level, and shrunk.
    static func cut(_ picture: ItemOverviews.Picture, level: Int, x: Int, y: Int, width: Int, height: Int) -> PNGCodec.Image {
        let factor = 1 << (picture.level - level)
        let left = min(picture.width - 1, x * factor), top = min(picture.height - 1, y * factor)
        let right = min(picture.width, (x + width) * factor), bottom = min(picture.height, (y + height) * factor)
        let (w, h) = (max(1, right - left), max(1, bottom - top))
        var pixels = [UInt8](repeating: 0, count: w * h * 4)
        for row in 0..<h {
            let from = ((top + row) * picture.width + left) * 4
            pixels.replaceSubrange((row * w * 4)..<((row + 1) * w * 4), with: picture.pixels[from..<(from + w * 4)])
        }
        let resized = PillowResampling.thumbnail(PillowResampling.Image(width: w, height: h, pixels: pixels), width: width, height: height)
        return PNGCodec.Image(width: resized.width, height: resized.height, channels: 4, pixels: resized.pixels)
    }

    /// The rectangle of unturned level `level` that the shown rectangle covers.
    private func unturned(x: Int, y: Int, width: Int, height: Int, level: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        let source = geometry.levelDimensions[level]
        switch orientation {
        case nil: return (x, y, width, height)
        case .mirroredLeftRight: return (source.width - x - width, y, width, height)
        case .mirroredTopBottom: return (x, source.height - y - height, width, height)
        case .clockwise(let turns):
            switch ((turns % 4) + 4) % 4 {
            // Shown (x', y') comes from source (y', H − x'): shown columns are source rows counted from the bottom.
            case 1: return (y, source.height - x - width, height, width)
            case 2: return (source.width - x - width, source.height - y - height, width, height)
            case 3: return (source.width - y - height, x, height, width)
            default: return (x, y, width, height)
            }
        }
    }
}
