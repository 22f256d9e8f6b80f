/// An axis-aligned rectangle in level-0 pixels: x to the right, y down, as OpenSlide.
public struct RegionBox: Sendable, Equatable, Codable {
    public let x: Int
    public let y: Int
    public let width: Int
    public let height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
