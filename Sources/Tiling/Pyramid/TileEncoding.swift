import Imaging

/// Encodes one tile cut from a band: JPEG straight from the band's rows (no copy), PNG as RGB.
enum TileEncoding {
    static func encode(_ band: PixelBand, x: Int, y: Int, width: Int, height: Int, format: TileFormat) throws -> [UInt8] {
        switch format {
        case .jpeg(let quality):
            precondition(y >= band.firstRow && y + height <= band.firstRow + band.height && x >= 0 && x + width <= band.width, "tile outside its band")
            return try band.pixels.withUnsafeBytes { pixels in
                try JPEGEncoder.encode(pixels.baseAddress! + ((y - band.firstRow) * band.width + x) * 4, width: width, height: height,
                                       rowBytes: band.width * 4, channels: 4, quality: quality)
            }
        case .png:
            return try PNGCodec.encode(PNGCodec.Image(width: width, height: height, channels: 3,
                                                      pixels: band.copy(x: x, y: y, width: width, height: height, channels: 3)))
        }
    }
}
