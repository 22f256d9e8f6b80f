/// Sizes past which a slide is refused before anything is allocated for it.
enum SlideLimits {
    /// Largest tile side read (OpenSlide's largest real tiles are 2,048; 16,384 leaves room).
    static let maxTileSide = 16_384
    /// Largest tile area: 64 MiB of RGBA.
    static let maxTilePixels = 1 << 24
    /// Most tiles in one level (a 2^31 x 2^31 level in 256-pixel tiles has 2^46).
    static let maxTilesPerLevel = 1 << 26
    /// Most directories walked in one file, main chain and SubIFDs together.
    static let maxDirectories = 4_096
    /// Largest region or associated image returned, in pixels (1 GiB of RGBA).
    static let maxRegionPixels = 1 << 28
    /// Largest associated image read (64 Mpx; real labels, macros and thumbnails are a few).
    static let maxAssociatedPixels = 1 << 26
    /// Largest compressed tile read.
    static let maxCompressedTileBytes = 1 << 28
}
