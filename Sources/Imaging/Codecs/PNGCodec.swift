import Compression
import CPNG
import Foundation

/// 8-bit PNG encoding and decoding through libpng's simplified API (no setjmp crosses into Swift).
public enum PNGCodec {
    /// An 8-bit image: rows top to bottom, `channels` interleaved bytes per pixel (1 grey, 3 RGB, 4 RGBA).
    public struct Image: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var channels: Int
        public var pixels: [UInt8]

        public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
            precondition([1, 3, 4].contains(channels) && pixels.count == width * height * channels, "pixels do not fill \(width) x \(height) x \(channels)")
            self.width = width
            self.height = height
            self.channels = channels
            self.pixels = pixels
        }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { "PNG: \(message)" }
    }

    public static func encode(_ image: Image) throws(Failure) -> [UInt8] {
        var output: UnsafeMutableRawPointer?
        var size = 0
        var message = [CChar](repeating: 0, count: 64)
        let succeeded = image.pixels.withUnsafeBytes { pixels in
            arbiter_png_encode(pixels.baseAddress, UInt32(image.width), UInt32(image.height), Int32(image.channels), &output, &size, &message)
        }
        guard succeeded == 1, let output else { throw Failure(message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
        defer { free(output) }
        return Array(UnsafeRawBufferPointer(start: output, count: size))
    }

    /// Largest image decoded by default: 2^28 pixels (1 GiB as RGBA), checked from the header before allocating.
    public static let defaultMaximumPixels = 1 << 28

    public static func decode(_ data: [UInt8], channels: Int, maximumPixels: Int = defaultMaximumPixels) throws(Failure) -> Image {
        if channels == 1, let image = data.withUnsafeBytes({ decodePlainGrey($0, maximumPixels: maximumPixels) }) { return image }
        var output: UnsafeMutableRawPointer?
        var width: UInt32 = 0
        var height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 64)
        let succeeded = data.withUnsafeBytes { bytes in
            arbiter_png_decode(bytes.baseAddress, bytes.count, Int32(channels), UInt64(maximumPixels), &output, &width, &height, &message)
        }
        guard succeeded == 1, let output else { throw Failure(message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
        defer { free(output) }
        let count = Int(width) * Int(height) * channels
        return Image(width: Int(width), height: Int(height), channels: channels, pixels: Array(UnsafeRawBufferPointer(start: output, count: count)))
    }

    /// Encodes and writes atomically (temporary file, then rename).
    public static func write(_ image: Image, to path: String) throws {
        try Data(encode(image)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

extension PNGCodec {
    /// Masks are 8-bit grey PNGs with nothing but IHDR, IDAT and IEND; libpng inflates them a row at a time,
    /// which costs more than everything else a small mask needs, so they are inflated here in one call.
    /// Anything else, or anything wrong (a CRC, a stream too short or too long, a filter type), returns nil and
    /// goes through libpng as before, which decodes it or reports the problem: this path only ever returns
    /// the pixels libpng would.
    /// An image past `maximumPixels` returns nil here, and libpng then refuses it from its header.
    static func decodePlainGrey(_ data: UnsafeRawBufferPointer, maximumPixels: Int) -> Image? {
        guard let plain = plainGreyStream(data) else { return nil }
        let pixels = plain.width.multipliedReportingOverflow(by: plain.height)
        guard !pixels.overflow, pixels.partialValue <= maximumPixels else { return nil }
        return inflated(plain.compressed, width: plain.width, height: plain.height).flatMap { unfiltered($0, width: plain.width, height: plain.height) }
    }

    /// The size and concatenated IDAT data of an 8-bit grey PNG with nothing but IHDR, IDAT and IEND, all CRCs
    /// checked; nil for anything else.
    static func plainGreyStream(_ data: UnsafeRawBufferPointer) -> (width: Int, height: Int, compressed: [UInt8])? {
        guard data.count >= 8, data.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        var (offset, width, height) = (8, 0, 0)
        var compressed: [UInt8] = []
        while true {
            guard data.count - offset >= 12 else { return nil }
            let length = Int(bigEndian(data, offset))
            guard length <= data.count - offset - 12,
                  Deflate.crc32(UnsafeRawBufferPointer(rebasing: data[(offset + 4)..<(offset + 8 + length)])) == bigEndian(data, offset + 8 + length) else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: data[(offset + 8)..<(offset + 8 + length)])
            switch (bigEndian(data, offset + 4), offset == 8) {
            case (0x4948_4452, true):  // IHDR: 8-bit grey, deflate, adaptive filters, not interlaced, within libpng's limits
                guard length == 13, body[8...].elementsEqual([8, 0, 0, 0, 0]) else { return nil }
                (width, height) = (Int(bigEndian(body, 0)), Int(bigEndian(body, 4)))
                guard (1...1_000_000).contains(width), (1...1_000_000).contains(height) else { return nil }
            case (0x4944_4154, false): compressed.append(contentsOf: body)  // IDAT
            case (0x4945_4E44, false):  // IEND, at the very end
                guard length == 0, offset + 12 == data.count, width > 0 else { return nil }
                return (width, height, compressed)
            default: return nil
            }
            offset += 12 + length
        }
    }

    private static func bigEndian(_ data: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(bigEndian: data.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The filtered rows (a filter byte, then `width` bytes, per row): exactly what the whole zlib stream holds.
    private static func inflated(_ compressed: [UInt8], width: Int, height: Int) -> [UInt8]? {
        Deflate.inflateWholeZlib(compressed, size: (width + 1) * height)
    }

    /// Undoes PNG's per-row filters (none, sub, up, average, Paeth) for one byte per pixel; the row above the
    /// first counts as zeros.
    private static func unfiltered(_ filtered: [UInt8], width: Int, height: Int) -> Image? {
        var pixels = [UInt8](repeating: 0, count: width * height)
        let zeros = [UInt8](repeating: 0, count: width)
        let valid = filtered.withUnsafeBufferPointer { input in
            pixels.withUnsafeMutableBufferPointer { output in
                zeros.withUnsafeBufferPointer { zeros in
                    (0..<height).allSatisfy { y in
                        let row = UnsafeMutablePointer(output.baseAddress! + y * width)
                        let above = y > 0 ? UnsafePointer(row - width) : zeros.baseAddress!
                        return unfilterRow(input[y * (width + 1)], input.baseAddress! + y * (width + 1) + 1, above: above, into: row, width: width)
                    }
                }
            }
        }
        return valid ? Image(width: width, height: height, channels: 1, pixels: pixels) : nil
    }

    /// One row; false for an unknown filter type.
    private static func unfilterRow(_ filter: UInt8, _ source: UnsafePointer<UInt8>, above: UnsafePointer<UInt8>,
                                    into row: UnsafeMutablePointer<UInt8>, width: Int) -> Bool {
        switch filter {
        case 0: row.update(from: source, count: width)
        case 1:
            var left: UInt8 = 0
            for x in 0..<width { left = source[x] &+ left; row[x] = left }
        case 2: for x in 0..<width { row[x] = source[x] &+ above[x] }
        case 3:
            var left: UInt8 = 0
            for x in 0..<width { left = source[x] &+ UInt8((Int(left) + Int(above[x])) / 2); row[x] = left }
        case 4:
            var (left, upLeft): (UInt8, UInt8) = (0, 0)
            for x in 0..<width {
                left = source[x] &+ paeth(left, above[x], upLeft)
                row[x] = left
                upLeft = above[x]
            }
        default: return false
        }
        return true
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let estimate = Int(a) + Int(b) - Int(c)
        let (pa, pb, pc) = (abs(estimate - Int(a)), abs(estimate - Int(b)), abs(estimate - Int(c)))
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
    }
}
