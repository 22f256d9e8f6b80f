extension PNGCodec.Image {
    /// A quarter-turn or mirror of an image, as a viewer shows a hidden repeat in a reader study.
    public enum Orientation: Sendable, Equatable {
        /// Turned clockwise by 90°, 180° or 270°.
        case clockwise(quarterTurns: Int)
        /// Mirrored left to right.
        case mirroredLeftRight
        /// Mirrored top to bottom.
        case mirroredTopBottom
    }

    /// The image turned or mirrored: a quarter turn swaps width and height. Each pixel moves whole (every channel), so
    /// no value changes.
    public func oriented(_ orientation: Orientation) -> PNGCodec.Image {
        let turns: Int
        switch orientation {
        case .clockwise(let quarterTurns): turns = ((quarterTurns % 4) + 4) % 4
        case .mirroredLeftRight: return remapped(width: width, height: height) { x, y in (width - 1 - x, y) }
        case .mirroredTopBottom: return remapped(width: width, height: height) { x, y in (x, height - 1 - y) }
        }
        switch turns {
        // Output pixel (x, y) of a clockwise turn comes from source (y, H − 1 − x); of a half turn, from the opposite corner.
        case 1: return remapped(width: height, height: width) { x, y in (y, height - 1 - x) }
        case 2: return remapped(width: width, height: height) { x, y in (width - 1 - x, height - 1 - y) }
        case 3: return remapped(width: height, height: width) { x, y in (width - 1 - y, x) }
        default: return self
        }
    }

    /// A `newWidth` × `newHeight` image whose pixel (x, y) is this image's pixel `source(x, y)`.
    private func remapped(width newWidth: Int, height newHeight: Int, source: (Int, Int) -> (Int, Int)) -> PNGCodec.Image {
        var result = [UInt8](repeating: 0, count: pixels.count)
        let stride = channels
        for y in 0..<newHeight {
            for x in 0..<newWidth {
                let (sx, sy) = source(x, y)
                let from = (sy * width + sx) * stride, to = (y * newWidth + x) * stride
                for channel in 0..<stride { result[to + channel] = pixels[from + channel] }
            }
        }
        return PNGCodec.Image(width: newWidth, height: newHeight, channels: channels, pixels: result)
    }
}
