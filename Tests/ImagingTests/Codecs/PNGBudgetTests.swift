import Compression
import Foundation
import Imaging
import TestSupport
import Testing

@Suite("PNG budgets")
struct PNGBudgetTests {
    /// A PNG whose IHDR (8-bit, given colour type) declares the size, followed by an IDAT of an empty zlib stream:
    /// every CRC right, so only the size can be refused.
    static func header(width: UInt32, height: UInt32, colourType: UInt8) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + body + bigEndian(Deflate.crc32(body))
        }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", bigEndian(width) + bigEndian(height) + [8, colourType, 0, 0, 0])
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
    }

    @Test(arguments: [1, 3, 4])
    func imageLargerThanThePixelLimitIsRefusedFromItsHeader(channels: Int) {
        let bytes = Self.header(width: 100_000, height: 100_000, colourType: 0)
        #expect {
            try PNGCodec.decode(bytes, channels: channels)
        } throws: { error in
            "\(error)".contains("100000x100000 pixels, over the limit")
        }
    }

    @Test func maskLargerThanThePixelLimitIsRefusedFromItsHeader() {
        #expect(throws: PNGCodec.Failure.self) { try PNGCodec.decodeMask(Self.header(width: 1_000_000, height: 1_000, colourType: 0)) }
    }

    @Test func fullyTransparentPixelsDecodeToOneGreyEveryTime() throws {
        let bytes = [UInt8](try Data(contentsOf: RepositoryFiles.root.appendingPathComponent("Fixtures/bad/fuzz-png-transparent-rgba.png")))
        let rgba = try PNGCodec.decode(bytes, channels: 4)
        for _ in 0..<3 {
            let grey = try PNGCodec.decode(bytes, channels: 1)
            let transparent = grey.pixels.indices.filter { rgba.pixels[4 * $0 + 3] == 0 }.map { grey.pixels[$0] }
            #expect(!transparent.isEmpty)
            #expect(Set(transparent) == [0])
        }
    }
}
