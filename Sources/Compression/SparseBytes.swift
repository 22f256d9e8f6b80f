import CDeflate
import CZlib

/// A mostly zero byte string, as decompressed label and detection maps are: its length and the stretches that
/// hold non-zero bytes (every byte outside them is zero).
public struct SparseBytes: Sendable, Equatable {
    /// Length of the whole string.
    public internal(set) var count: Int
    /// Start and end (exclusive) of each stretch, ascending and apart by more than `bridgedGap` bytes.
    public internal(set) var starts: [Int]
    public internal(set) var ends: [Int]
    /// The bytes of all stretches, one after the other.
    public internal(set) var bytes: [UInt8]

    /// Stretches closer than this are joined (with the zeros between them), so a value of up to this many bytes
    /// never has non-zero bytes in two stretches.
    static let bridgedGap = 16

    init() {
        (count, starts, ends, bytes) = (0, [], [], [])
    }

    /// The whole string, zeros included (for tests and small headers).
    public func dense(_ range: Range<Int>? = nil) -> [UInt8] {
        let range = range ?? 0..<count
        var output = [UInt8](repeating: 0, count: range.count)
        forEachStretch(in: range) { start, slice in
            output.replaceSubrange(start - range.lowerBound..<start - range.lowerBound + slice.count, with: slice)
        }
        return output
    }

    /// Calls `body` with the start and bytes of each stretch, clipped to `range`, in order.
    public func forEachStretch(in range: Range<Int>, _ body: (Int, ArraySlice<UInt8>) -> Void) {
        var offset = 0
        for (start, end) in zip(starts, ends) {
            defer { offset += end - start }
            let (lower, upper) = (max(start, range.lowerBound), min(end, range.upperBound))
            guard lower < upper else { continue }
            body(lower, bytes[(offset + lower - start)..<(offset + upper - start)])
        }
    }

    /// The CRC-32 (gzip's) of the bytes in `range`: zero stretches are skipped by polynomial arithmetic.
    func crc32(_ range: Range<Int>) -> UInt32 {
        var crc: UInt32 = 0
        var at = range.lowerBound
        forEachStretch(in: range) { start, slice in
            crc = Self.crc32(crc, zeros: start - at)
            crc = slice.withUnsafeBytes { UInt32(libdeflate_crc32(crc, $0.baseAddress, $0.count)) }
            at = start + slice.count
        }
        return Self.crc32(crc, zeros: range.upperBound - at)
    }

    private static let zeroBlock = [UInt8](repeating: 0, count: 4096)

    /// `crc` continued over `count` zero bytes. Short runs are fed to libdeflate; longer ones multiply the CRC
    /// register by x^(8 count) modulo the polynomial (zlib's combine operator), which costs the same for any length.
    static func crc32(_ crc: UInt32, zeros count: Int) -> UInt32 {
        guard count > 0 else { return crc }
        if count <= zeroBlock.count {
            return zeroBlock.withUnsafeBytes { UInt32(libdeflate_crc32(crc, $0.baseAddress, count)) }
        }
        let register = UInt(~crc)
        let advanced = crc32_combine_op(register, 0, crc32_combine_gen(count))
        return ~UInt32(truncatingIfNeeded: advanced)
    }
}
