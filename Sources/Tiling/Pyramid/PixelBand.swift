/// Rows `firstRow ..< firstRow + height` of one Deep Zoom level, full width, as opaque RGBA (alpha 255): the rows
/// one row of tiles is cut from. Immutable, so encoding tasks share it without copies.
final class PixelBand: Sendable {
    let firstRow: Int
    let width: Int
    let height: Int
    let pixels: [UInt8]

    init(firstRow: Int, width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "a band of \(width) x \(height) RGBA")
        self.firstRow = firstRow
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Copies rectangle (`x`, `y`, `width`, `height`) of the level (which must lie in the band) as `channels`
    /// bytes per pixel (3 RGB or 4 RGBA).
    func copy(x: Int, y: Int, width: Int, height: Int, channels: Int) -> [UInt8] {
        precondition(y >= firstRow && y + height <= firstRow + self.height && x >= 0 && x + width <= self.width, "outside the band")
        return [UInt8](unsafeUninitializedCapacity: width * height * channels) { output, initialized in
            pixels.withUnsafeBufferPointer { source in
                for row in 0..<height {
                    let from = ((y - firstRow + row) * self.width + x) * 4
                    let to = row * width * channels
                    if channels == 4 {
                        (output.baseAddress! + to).update(from: source.baseAddress! + from, count: width * 4)
                    } else {
                        for column in 0..<width {
                            for channel in 0..<channels { output[to + column * channels + channel] = source[from + column * 4 + channel] }
                        }
                    }
                }
            }
            initialized = width * height * channels
        }
    }
}
