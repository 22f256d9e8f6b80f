import Compression
import Imaging
import Testing

/// Plain 8-bit grey PNGs are inflated in one call instead of by libpng; these check that both give the same
/// pixels, and that anything unusual still goes to libpng.
@Suite struct PNGCodecTests {
    /// A PNG written by hand: `filters[y % count]` on row y, so every filter type is exercised.
    static func png(_ pixels: [UInt8], width: Int, height: Int, filters: [UInt8], extraChunk: (String, [UInt8])? = nil) -> [UInt8] {
        var filtered: [UInt8] = []
        for y in 0..<height {
            let filter = filters[y % filters.count]
            filtered.append(filter)
            for x in 0..<width {
                let (a, b) = (x > 0 ? pixels[y * width + x - 1] : 0, y > 0 ? pixels[(y - 1) * width + x] : 0)
                let c: UInt8 = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1] : 0
                let predicted: UInt8 = switch filter {
                case 1: a
                case 2: b
                case 3: UInt8((Int(a) + Int(b)) / 2)
                case 4: paeth(a, b, c)
                default: 0
                }
                filtered.append(pixels[y * width + x] &- predicted)
            }
        }
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 0, 0, 0, 0]
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
        if let (type, body) = extraChunk { file += chunk(type, body) }
        return file + chunk("IDAT", Deflate.zlib(filtered)) + chunk("IEND", [])
    }

    static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let (pa, pb, pc) = (abs(p - Int(a)), abs(p - Int(b)), abs(p - Int(c)))
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
    }

    static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + body
        return bigEndian(UInt32(body.count)) + typed + bigEndian(crc32(typed))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func randomPixels(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test(arguments: [(1, 1), (7, 5), (31, 17), (64, 3)])
    func everyFilterTypeDecodesAsLibpng(width: Int, height: Int) throws {
        let pixels = Self.randomPixels(width * height, seed: UInt64(width * 1000 + height))
        let plain = Self.png(pixels, width: width, height: height, filters: [0, 1, 2, 3, 4])
        // A text chunk sends the same image through libpng.
        let viaLibpng = Self.png(pixels, width: width, height: height, filters: [0, 1, 2, 3, 4], extraChunk: ("tEXt", Array("Comment\u{0}x".utf8)))
        let decoded = try PNGCodec.decode(plain, channels: 1)
        #expect(decoded.pixels == pixels && decoded.width == width && decoded.height == height)
        #expect(try PNGCodec.decode(viaLibpng, channels: 1) == decoded)
    }

    @Test func libpngsOwnFilesDecodeTheSame() throws {
        let pixels = Self.randomPixels(40 * 30, seed: 6).map { $0 < 200 ? 0 : $0 }
        let encoded = try PNGCodec.encode(PNGCodec.Image(width: 40, height: 30, channels: 1, pixels: pixels))
        #expect(try PNGCodec.decode(encoded, channels: 1).pixels == pixels)
    }

    @Test func damagedFilesAreStillRefused() {
        let pixels = Self.randomPixels(8 * 8, seed: 7)
        var badCRC = Self.png(pixels, width: 8, height: 8, filters: [1])
        badCRC[29] ^= 1  // the IHDR checksum
        #expect(throws: PNGCodec.Failure.self) { try PNGCodec.decode(badCRC, channels: 1) }
        let badFilter = Self.png(pixels, width: 8, height: 8, filters: [9])
        #expect(throws: PNGCodec.Failure.self) { try PNGCodec.decode(badFilter, channels: 1) }
        let cut = Array(Self.png(pixels, width: 8, height: 8, filters: [0]).dropLast(30))
        #expect(throws: PNGCodec.Failure.self) { try PNGCodec.decode(cut, channels: 1) }
    }

    @Test func aMissingEndIsLeftToLibpng() throws {
        // libpng tolerates a file without IEND; the one-call path declines it and libpng decodes it as before.
        let pixels = Self.randomPixels(8 * 8, seed: 8)
        let noEnd = Array(Self.png(pixels, width: 8, height: 8, filters: [0]).dropLast(12))
        #expect(try PNGCodec.decode(noEnd, channels: 1).pixels == pixels)
    }
}
