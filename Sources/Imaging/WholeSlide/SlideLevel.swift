/// One resolution of a slide, as OpenSlide reports it.
public struct SlideLevel: Sendable, Equatable, Codable {
    public let width: Int
    public let height: Int
    /// Level-0 pixels per pixel of this level: OpenSlide's mean of the width and height ratios.
    public let downsample: Double
    public let tileWidth: Int
    public let tileHeight: Int
}
