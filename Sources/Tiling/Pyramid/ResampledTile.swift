import Imaging

/// A tile of a Deep Zoom level that is not a slide level, made as DeepZoomGenerator makes it: its region read from
/// the best slide level, composited on white, then shrunk to the tile's size with Pillow's `thumbnail` (Lanczos,
/// reducing gap 2). Like DeepZoomGenerator's, a tile whose region was clipped at the slide's edge can come out a
/// pixel narrower or shorter than the geometry says, where `thumbnail` rounds the kept aspect ratio.
enum ResampledTile {
    /// Opaque RGBA, the geometry's tile size or (see above) a pixel less.
    static func pixels(_ slide: Slide, geometry: DeepZoomGeometry, level: Int, column: Int, row: Int) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        let info = geometry.tile(level: level, column: column, row: row)
        let rect = geometry.tileRect(level: level, column: column, row: row)
        var region = try slide.readRegion(x: info.location.x, y: info.location.y, level: info.slideLevel,
                                          width: max(1, info.size.width), height: max(1, info.size.height))
        region.pixels.withUnsafeMutableBytes { WhiteBackground.flatten($0) }
        guard let size = PillowResampling.thumbnailSize(width: region.width, height: region.height, fitting: (rect.width, rect.height)) else {
            return (region.width, region.height, region.pixels)
        }
        let image = PillowResampling.thumbnail(PillowResampling.Image(width: region.width, height: region.height, pixels: region.pixels),
                                               width: size.width, height: size.height)
        return (image.width, image.height, image.pixels)
    }
}
