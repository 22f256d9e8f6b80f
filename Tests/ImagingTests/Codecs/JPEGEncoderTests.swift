import Foundation
import Imaging
import Testing

/// JPEG tiles as vips and Pillow write them: libjpeg defaults at the asked quality, rows read by pointer.
@Suite struct JPEGEncoderTests {
    /// A smooth 64 x 48 RGBA gradient.
    static let pixels: [UInt8] = (0..<(64 * 48)).flatMap { index -> [UInt8] in
        let (x, y) = (index % 64, index / 64)
        return [UInt8(x * 4), UInt8(y * 5), UInt8(128 + (x - y) / 2), 255]
    }

    static func encode(quality: Int) throws -> [UInt8] {
        try pixels.withUnsafeBytes { bytes in
            try JPEGEncoder.encode(rows: (0..<48).map { UnsafeRawPointer(bytes.baseAddress! + $0 * 64 * 4) }, width: 64, channels: 4, quality: quality)
        }
    }

    @Test func encodedTileDecodesCloseToItsPixels() throws {
        let data = try Self.encode(quality: 90)
        var decoded = [UInt8](repeating: 0, count: 64 * 48 * 4)
        try data.withUnsafeBytes { bytes in try decoded.withUnsafeMutableBytes { try JPEGDecoder.decode(bytes, width: 64, height: 48, into: $0) } }
        let squared = zip(decoded, Self.pixels).enumerated().filter { $0.offset % 4 != 3 }.map { Double(Int($0.element.0) - Int($0.element.1)) }
            .reduce(0) { $0 + $1 * $1 }
        let psnr = 10 * log10(255 * 255 / (squared / Double(64 * 48 * 3)))
        #expect(psnr > 35, "PSNR \(psnr)")
        #expect(data.prefix(2) == [0xFF, 0xD8] && data.suffix(2) == [0xFF, 0xD9])
    }

    @Test func lowerQualityWritesFewerBytes() throws {
        #expect(try Self.encode(quality: 30).count < Self.encode(quality: 95).count)
    }

    @Test func qualityOutsideOneToHundredIsRefused() {
        #expect(throws: CodecFailure.self) { try Self.encode(quality: 0) }
        #expect(throws: CodecFailure.self) { try Self.encode(quality: 101) }
    }
}
