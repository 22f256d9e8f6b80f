import CDeflate
@testable import Compression
import Foundation
import Scoring
import TestSupport
import Testing

/// `Deflate.gunzipSparse` must give exactly what a whole-buffer inflate gives, and refuse what it refuses.
@Suite struct SparseInflateTests {
    static func inflate(_ compressed: [UInt8], declaredSize: Int) throws(DecompressionFailure) -> SparseBytes {
        let result = compressed.withUnsafeBytes { bytes in
            Result { () throws(DecompressionFailure) in try Deflate.gunzipSparse(bytes, declaredSize: declaredSize) }
        }
        return try result.get()
    }

    /// One gzip member holding `data` in stored (uncompressed) blocks of at most `blockSize` bytes.
    static func storedGzip(_ data: [UInt8], blockSize: Int = 40_000) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        var offset = 0
        repeat {
            let length = min(blockSize, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out += [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<offset + length]
            offset += length
        } while offset < data.count
        let crc = Deflate.crc32(data)
        for value in [crc, UInt32(truncatingIfNeeded: data.count)] { out += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        return out
    }

    @Test(arguments: [1, 3, 6, 9, 12])
    func givesTheSameBytesAsAWholeBufferInflate(level: Int) throws {
        for seed in 0..<8 as Range<UInt64> {
            let data = SparseSample.bytes(seed: seed * 31 + UInt64(level))
            let sparse = try Self.inflate(Deflate.gzip(data, level: level), declaredSize: data.count)
            #expect(sparse.dense() == data)
        }
    }

    @Test func keepsEveryNonZeroByteInsideAStretchAndLeavesLongZeroRunsOut() throws {
        let data = SparseSample.bytes(seed: 7)
        let sparse = try Self.inflate(Deflate.gzip(data, level: 6), declaredSize: data.count)
        #expect(sparse.bytes.count < data.count / 4)
        let nonZero = data.indices.filter { data[$0] != 0 }
        #expect(nonZero.allSatisfy { index in zip(sparse.starts, sparse.ends).contains { $0 <= index && index < $1 } })
    }

    @Test func readsStoredBlocks() throws {
        let data = SparseSample.bytes(seed: 11, count: 100_000)
        #expect(try Self.inflate(Self.storedGzip(data), declaredSize: data.count).dense() == data)
    }

    @Test func readsConcatenatedMembers() throws {
        let (first, second) = (SparseSample.bytes(seed: 3, count: 50_000), SparseSample.bytes(seed: 4, count: 70_000))
        let compressed = Deflate.gzip(first, level: 6) + Deflate.gzip(second, level: 1)
        #expect(try Self.inflate(compressed, declaredSize: first.count + second.count).dense() == first + second)
    }

    @Test func continuesACRCOverZeroRunsOfAnyLength() {
        for count in [1, 4096, 4097, 100_000, 3_000_001] {
            let zeros = [UInt8](repeating: 0, count: count)
            let start: UInt32 = 0x1234_5678
            #expect(SparseBytes.crc32(start, zeros: count) == zeros.withUnsafeBytes { UInt32(libdeflate_crc32(start, $0.baseAddress, count)) })
        }
    }

    @Test func refusesAWrongCRC() {
        let data = SparseSample.bytes(seed: 5)
        var compressed = Deflate.gzip(data, level: 6)
        compressed[compressed.count - 8] ^= 1
        #expect(throws: DecompressionFailure.self) { try Self.inflate(compressed, declaredSize: data.count) }
    }

    @Test func refusesDataLongerThanDeclaredBeforeWritingIt() {
        let data = SparseSample.bytes(seed: 6)
        #expect(throws: DecompressionFailure.expandsPastDeclaredSize(declared: data.count - 1)) {
            try Self.inflate(Deflate.gzip(data, level: 6), declaredSize: data.count - 1)
        }
    }

    @Test func refusesDataShorterThanDeclared() {
        let data = SparseSample.bytes(seed: 8)
        #expect(throws: DecompressionFailure.truncated(produced: data.count, declared: data.count + 1)) {
            try Self.inflate(Deflate.gzip(data, level: 6), declaredSize: data.count + 1)
        }
    }

    @Test func refusesACutOffStream() {
        let data = SparseSample.bytes(seed: 9)
        let compressed = Deflate.gzip(data, level: 6)
        for cut in [11, compressed.count / 2, compressed.count - 9, compressed.count - 1] {
            #expect(throws: DecompressionFailure.self) { try Self.inflate(Array(compressed.prefix(cut)), declaredSize: data.count) }
        }
    }

    /// Damaged streams: never a crash, and whatever is accepted is what libdeflate accepts, byte for byte.
    @Test func agreesWithLibdeflateOnDamagedStreams() throws {
        let data = SparseSample.bytes(seed: 10, count: 60_000)
        let compressed = Deflate.gzip(data, level: 6)
        var random = SplitMix64(seed: 99)
        for _ in 0..<400 {
            var damaged = compressed
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = 10 + Int(random.next() % UInt64(damaged.count - 18))
                damaged[at] ^= UInt8(1 << (random.next() % 8))
            }
            let reference = try? Deflate.gunzip(damaged, declaredSize: data.count)
            let sparse = try? Self.inflate(damaged, declaredSize: data.count)
            #expect(sparse?.dense() == reference)
        }
    }
}
