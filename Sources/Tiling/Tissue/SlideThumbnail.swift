import Imaging

/// A low-resolution RGB picture of a whole slide, composited on white: the slide level closest to the wanted size,
/// read in strips and averaged over whole-pixel blocks (box filter) down to at most `longestSide` pixels.
public struct SlideThumbnail: Sendable {
    public let width: Int
    public let height: Int
    /// RGB, rows top to bottom.
    public let pixels: [UInt8]
    /// Level-0 pixels per thumbnail pixel.
    public let scaleX: Double
    public let scaleY: Double

    public init(slide: Slide, longestSide: Int = 2048) throws(SlideError) {
        let base = slide.levels[0]
        let wanted = max(1, Double(max(base.width, base.height)) / Double(max(1, longestSide)))
        let level = slide.bestLevel(forDownsample: wanted)
        let source = slide.levels[level]
        let factor = max(1, Int((Double(max(source.width, source.height)) / Double(max(1, longestSide))).rounded(.up)))
        width = (source.width + factor - 1) / factor
        height = (source.height + factor - 1) / factor
        scaleX = Double(base.width) / (Double(source.width) / Double(factor))
        scaleY = Double(base.height) / (Double(source.height) / Double(factor))
        var sums = [UInt32](repeating: 0, count: width * height * 3)
        var counts = [UInt32](repeating: 0, count: width * height)
        let stripRows = max(factor, 256 / factor * factor)
        for top in stride(from: 0, to: source.height, by: stripRows) {
            let rows = min(stripRows, source.height - top)
            var strip = try slide.readRegion(x: 0, y: Int(Double(top) * source.downsample), level: level, width: source.width, height: rows)
            strip.pixels.withUnsafeMutableBytes { WhiteBackground.flatten($0) }
            for y in 0..<rows {
                let outRow = (top + y) / factor
                for x in 0..<source.width {
                    let cell = outRow * width + x / factor, at = (y * source.width + x) * 4
                    for channel in 0..<3 { sums[cell * 3 + channel] += UInt32(strip.pixels[at + channel]) }
                    counts[cell] += 1
                }
            }
        }
        pixels = (0..<(width * height * 3)).map { index in
            let count = max(1, counts[index / 3])
            return UInt8((sums[index] + count / 2) / count)
        }
    }

    /// The thumbnail as a PNG-ready RGB image.
    public var pngImage: PNGCodec.Image { PNGCodec.Image(width: width, height: height, channels: 3, pixels: pixels) }

    /// The tissue mask computed on this thumbnail.
    public var tissueMask: TissueMask {
        TissueMask(thumbnail: pixels, width: width, height: height, scaleX: scaleX, scaleY: scaleY)
    }
}
