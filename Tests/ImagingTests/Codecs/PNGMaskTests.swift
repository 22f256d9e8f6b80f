import Compression
import Geometry
@testable import Imaging
import TestSupport
import Testing

/// `PNGCodec.decodeMask` gives the runs of the non-zero pixels, whichever way the PNG was written.
@Suite struct PNGMaskTests {
    /// A mostly empty mask with a few rectangles (values 1 to 255) and scattered pixels.
    static func maskPixels(width: Int, height: Int, seed: UInt64) -> [UInt8] {
        let noise = PNGCodecTests.randomPixels(width * height, seed: seed)
        return (0..<width * height).map { index in
            let (x, y) = (index % width, index / width)
            let inRectangle = (x > width / 4 && x < width / 3 && y > 2 && y < height / 2) || (x > width / 2 && y > height * 2 / 3)
            return inRectangle || noise[index] < 3 ? max(noise[index], 1) : 0
        }
    }

    static func expectedRuns(_ pixels: [UInt8], width: Int, height: Int) -> RunLengthMask {
        RunLengthMask(pixels.map { $0 != 0 }, width: width, height: height)
    }

    @Test(arguments: [(97, 61), (300, 211), (1, 1), (8, 3)])
    func unfilteredMasksGiveTheRunsOfTheirNonZeroPixels(size: (width: Int, height: Int)) throws {
        let pixels = Self.maskPixels(width: size.width, height: size.height, seed: UInt64(size.width))
        let png = PNGCodecTests.png(pixels, width: size.width, height: size.height, filters: [0])
        #expect(png.withUnsafeBytes(PNGCodec.unfilteredGreyRuns) != nil)
        #expect(try PNGCodec.decodeMask(png) == Self.expectedRuns(pixels, width: size.width, height: size.height))
    }

    @Test func filteredMasksAreDecodedWholeAndGiveTheSameRuns() throws {
        let pixels = Self.maskPixels(width: 120, height: 90, seed: 4)
        let png = PNGCodecTests.png(pixels, width: 120, height: 90, filters: [0, 1, 2, 3, 4])
        #expect(png.withUnsafeBytes(PNGCodec.unfilteredGreyRuns) == nil)
        #expect(try PNGCodec.decodeMask(png) == Self.expectedRuns(pixels, width: 120, height: 90))
    }

    @Test func libpngWrittenMasksGiveTheSameRuns() throws {
        let pixels = Self.maskPixels(width: 64, height: 48, seed: 9)
        let png = try PNGCodec.encode(PNGCodec.Image(width: 64, height: 48, channels: 1, pixels: pixels))
        #expect(try PNGCodec.decodeMask(png) == Self.expectedRuns(pixels, width: 64, height: 48))
    }

    @Test func aDamagedMaskIsRefused() {
        var png = PNGCodecTests.png(Self.maskPixels(width: 50, height: 40, seed: 2), width: 50, height: 40, filters: [0])
        png[png.count - 20] ^= 0x10
        #expect(throws: PNGCodec.Failure.self) { try PNGCodec.decodeMask(png) }
    }
}

/// `Deflate.inflateZlibSparse` against libdeflate's whole-buffer zlib inflate.
@Suite struct SparseZlibTests {
    static func inflate(_ compressed: [UInt8], declaredSize: Int) throws(DecompressionFailure) -> SparseBytes {
        let result = compressed.withUnsafeBytes { bytes in
            Result { () throws(DecompressionFailure) in try Deflate.inflateZlibSparse(bytes, declaredSize: declaredSize) }
        }
        return try result.get()
    }

    @Test(arguments: [1, 6, 12])
    func givesTheSameBytesAsAWholeBufferInflate(level: Int) throws {
        let data = SparseSample.bytes(seed: UInt64(level) + 40)
        #expect(try Self.inflate(Deflate.zlib(data, level: level), declaredSize: data.count).dense() == data)
    }

    @Test func refusesAWrongAdler32() {
        let data = SparseSample.bytes(seed: 41)
        var compressed = Deflate.zlib(data, level: 6)
        compressed[compressed.count - 1] ^= 1
        #expect(throws: DecompressionFailure.corrupt(atInputByte: compressed.count - 4, reason: "Adler-32 mismatch")) {
            try Self.inflate(compressed, declaredSize: data.count)
        }
    }

    @Test func refusesTrailingBytes() {
        let data = SparseSample.bytes(seed: 42, count: 5000)
        #expect(throws: DecompressionFailure.self) { try Self.inflate(Deflate.zlib(data, level: 6) + [0], declaredSize: data.count) }
    }
}
