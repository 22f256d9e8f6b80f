import Foundation
import Imaging

/// The least CPU any Deep Zoom writer using libjpeg-turbo spends on a JPEG slide: decoding every level-0 tile once,
/// and encoding as many pixels as the pyramid's tiles hold. Encoding is timed on the decoded level-0 tiles themselves
/// and scaled by the pyramid's pixels over level 0's (the levels halving down to 1 x 1, each tile with its overlap),
/// since the pyramid's tiles are the same tissue resampled.
struct TileCodecLimit {
    let decodeSeconds: Double
    let encodeSeconds: Double
    let pyramidPixelsOverLevelZero: Double

    var seconds: Double { decodeSeconds + encodeSeconds * pyramidPixelsOverLevelZero }

    static func measure(slide path: String, tileSize: Int, overlap: Int, quality: Int) throws -> TileCodecLimit {
        let slide = try Slide(path: path, options: SlideOptions(cacheBytes: 0, regionThreads: 1))
        let level = slide.levels[0]
        var (decode, encode) = (0.0, 0.0)
        for row in 0..<(level.height + level.tileHeight - 1) / level.tileHeight {
            for column in 0..<(level.width + level.tileWidth - 1) / level.tileWidth {
                let started = ContinuousClock.now
                let pixels = try slide.wholeTile(level: 0, column: column, row: row)
                let decoded = ContinuousClock.now
                _ = try pixels.withUnsafeBytes { bytes in
                    let rows = (0..<level.tileHeight).map { UnsafeRawPointer(bytes.baseAddress! + $0 * level.tileWidth * 4) }
                    return try JPEGEncoder.encode(rows: rows, width: level.tileWidth, channels: 4, quality: quality)
                }
                decode += Stopwatch.seconds(decoded - started)
                encode += Stopwatch.seconds(ContinuousClock.now - decoded)
            }
        }
        return TileCodecLimit(decodeSeconds: decode, encodeSeconds: encode,
                              pyramidPixelsOverLevelZero: pixelRatio(width: level.width, height: level.height, tileSize: tileSize, overlap: overlap))
    }

    /// The pixels of every tile of every Deep Zoom level over the pixels of level 0 (tiles counted with their overlap).
    private static func pixelRatio(width: Int, height: Int, tileSize: Int, overlap: Int) -> Double {
        func extent(_ size: Int) -> Int {
            let tiles = (size + tileSize - 1) / tileSize
            return size + overlap * 2 * max(0, tiles - 1)
        }
        var (w, h, total) = (width, height, 0)
        while true {
            total += extent(w) * extent(h)
            if w == 1 && h == 1 { break }
            (w, h) = ((w + 1) / 2, (h + 1) / 2)
        }
        return Double(total) / Double(width * height)
    }
}
