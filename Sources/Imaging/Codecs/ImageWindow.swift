/// A rectangle of a decoded image, in pixels: what the window decoders (`JPEGDecoder`, `JPEG2000Decoder`) produce.
public struct ImageWindow: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
