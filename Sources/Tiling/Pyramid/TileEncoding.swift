import Imaging

/// Encodes one tile cut from a band: JPEG from the band's rows in place, PNG as RGB.
enum TileEncoding {
    static func encode(_ band: PixelBand, x: Int, y: Int, width: Int, height: Int, format: TileFormat) throws -> [UInt8] {
        precondition(x + width <= band.width, "tile outside its band")
        switch format {
        case .jpeg(let quality):
            return try JPEGEncoder.encode(rows: band.rowPointers(x: x, y: y, count: height), width: width, channels: 4, quality: quality)
        case .png:
            return try PNGCodec.encode(PNGCodec.Image(width: width, height: height, channels: 3,
                                                      pixels: band.copy(x: x, y: y, width: width, height: height, channels: 3)))
        }
    }
}
