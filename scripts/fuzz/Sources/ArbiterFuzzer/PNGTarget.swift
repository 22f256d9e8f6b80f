import Compression
import Geometry
import Imaging

/// `png`: PNG masks (`PNGCodec.decodeMask`, with its sparse fast path for unfiltered grey) and `PNGCodec.decode`
/// to 1, 3 and 4 channels. Every chunk CRC is also recomputed and the input decoded again, so mutations get past
/// the CRC checks. When the mask's fast path and the whole decode both accept an input, they must agree, and fully
/// transparent pixels must all decode to one grey (the background alpha is removed against).
let pngTarget = FuzzTarget(name: "png", covers: "PNGCodec.decodeMask (sparse fast path) and PNGCodec.decode") { input in
    let bytes = [UInt8](input)
    PNGFuzzing.decodeAll(bytes)
    let fixed = PNGFuzzing.withChunkCRCsFixed(bytes)
    if fixed != bytes { PNGFuzzing.decodeAll(fixed) }
}

enum PNGFuzzing {
    static func decodeAll(_ bytes: [UInt8]) {
        let mask = try? PNGCodec.decodeMask(bytes)
        let grey = try? PNGCodec.decode(bytes, channels: 1)
        _ = try? PNGCodec.decode(bytes, channels: 3)
        let rgba = try? PNGCodec.decode(bytes, channels: 4)
        if let mask, let grey, mask != RunLengthMask(grey.pixels.map { $0 != 0 }, width: grey.width, height: grey.height) {
            crossCheckFailed("decodeMask and decode(channels: 1) disagree on a \(grey.width)x\(grey.height) PNG")
        }
        if let grey, let rgba { checkTransparentPixels(grey: grey, rgba: rgba) }
    }

    /// A fully transparent pixel shows only the background alpha is removed against, so every such pixel must come
    /// out as the same grey: anything else means the background was not set (memory left as it was).
    static func checkTransparentPixels(grey: PNGCodec.Image, rgba: PNGCodec.Image) {
        guard grey.pixels.count == rgba.pixels.count / 4 else { return }
        var background: UInt8?
        for index in grey.pixels.indices where rgba.pixels[4 * index + 3] == 0 {
            let value = grey.pixels[index]
            if background == nil { background = value }
            if value != background {
                crossCheckFailed("fully transparent pixels of a \(grey.width)x\(grey.height) PNG decode to grey \(background!) and \(value)")
                return
            }
        }
    }

    /// The input with the CRC of every whole chunk after the signature recomputed.
    static func withChunkCRCsFixed(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        var offset = 8
        while output.count - offset >= 12 {
            let length = output[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard length <= output.count - offset - 12 else { break }
            let crc = Deflate.crc32(Array(output[(offset + 4)..<(offset + 8 + length)]))
            for index in 0..<4 { output[offset + 8 + length + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * index)) }
            offset += 12 + length
        }
        return output
    }
}
