/// Non-premultiplied 8-bit RGBA pixels, rows top to bottom: what `Slide.readRegion` and associated images return.
public struct RGBAImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: R, G, B, A.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "pixels do not fill \(width) x \(height) RGBA")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A fully transparent image.
    public init(transparentWidth width: Int, height: Int) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: 0, count: width * height * 4))
    }

    /// The same pixels as a PNG-ready image.
    public var pngImage: PNGCodec.Image {
        PNGCodec.Image(width: width, height: height, channels: 4, pixels: pixels)
    }
}
