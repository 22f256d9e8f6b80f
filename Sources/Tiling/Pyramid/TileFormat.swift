/// How tiles are encoded.
public enum TileFormat: Sendable, Equatable {
    /// Baseline JPEG at a quality of 1 to 100 (libjpeg's defaults otherwise, as `vips dzsave` writes them).
    case jpeg(quality: Int)
    /// Lossless PNG (RGB).
    case png

    /// The file suffix and the DZI `Format` attribute.
    public var suffix: String {
        switch self {
        case .jpeg: "jpeg"
        case .png: "png"
        }
    }
}
