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

    public static func decode(_ data: [UInt8], channels: Int) throws(Failure) -> Image {
        var output: UnsafeMutableRawPointer?
        var width: UInt32 = 0
        var height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 64)
        let succeeded = data.withUnsafeBytes { bytes in
            arbiter_png_decode(bytes.baseAddress, bytes.count, Int32(channels), &output, &width, &height, &message)
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
