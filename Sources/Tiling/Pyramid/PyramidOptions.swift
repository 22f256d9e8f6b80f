import Parallel
/// How `PyramidWriter` tiles a slide.
public struct PyramidOptions: Sendable {
    public var tileSize: Int
    public var overlap: Int
    public var format: TileFormat
    /// Tile only the slide's bounds (`openslide.bounds-*`), as DeepZoomGenerator's `limit_bounds`.
    public var limitBounds: Bool
    /// Leave out tiles with no tissue in the slide's tissue mask.
    public var skipBackground: Bool
    /// How levels that are not slide levels are made.
    public var resampling: PyramidResampling
    /// Tasks encoding and reading at once (the core count by default).
    public var concurrency: Int

    public init(tileSize: Int = 254, overlap: Int = 1, format: TileFormat = .jpeg(quality: 75), limitBounds: Bool = false,
                skipBackground: Bool = false, resampling: PyramidResampling = .deepZoomGenerator, concurrency: Int = 0) {
        self.tileSize = tileSize
        self.overlap = overlap
        self.format = format
        self.limitBounds = limitBounds
        self.skipBackground = skipBackground
        self.resampling = resampling
        self.concurrency = concurrency > 0 ? concurrency : ParallelMap.cores
    }
}

/// How Deep Zoom levels that are not slide levels are made.
public enum PyramidResampling: String, Sendable, CaseIterable {
    /// As DeepZoomGenerator: each tile's region read from the best slide level and shrunk with Pillow's Lanczos
    /// `thumbnail`, for levels within 8x of a slide level (or whose read is under 64 Mpx); further levels are 2 x 2
    /// averages of the level above.
    case deepZoomGenerator = "lanczos"
    /// Every such level is the 2 x 2 average of the level above (as `vips dzsave` builds its pyramid): each slide level
    /// is decoded once, but levels differ from DeepZoomGenerator's by 30-40 dB PSNR.
    case box
}
