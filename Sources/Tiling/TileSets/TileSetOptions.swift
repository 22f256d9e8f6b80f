import Parallel
/// What `TileSetExporter` cuts.
public struct TileSetOptions: Sendable {
    /// Tile side in pixels.
    public var size: Int
    /// Microns per pixel of the tiles.
    public var mpp: Double
    /// Least tissue fraction a tile needs to be kept.
    public var minimumTissue: Double
    public var format: TileFormat
    /// The slide's microns per pixel at level 0 when it lacks `openslide.mpp-x` (or to override it).
    public var slideMPP: Double?
    public var concurrency: Int

    public init(size: Int = 512, mpp: Double = 0.5, minimumTissue: Double = 0.5, format: TileFormat = .png, slideMPP: Double? = nil,
                concurrency: Int = 0) {
        self.size = size
        self.mpp = mpp
        self.minimumTissue = minimumTissue
        self.format = format
        self.slideMPP = slideMPP
        self.concurrency = concurrency > 0 ? concurrency : ParallelMap.cores
    }
}
