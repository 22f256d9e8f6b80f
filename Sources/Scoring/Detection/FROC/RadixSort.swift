/// Ascending sorts of finite floating-point values by their bits (LSD radix, a byte at a time), for the
/// thousands of confidences of a FROC curve: several times faster than a comparison sort. Values that compare
/// equal (0 and -0) may come out in either order, which no count of "values at least t" can tell apart.
enum RadixSort {
    static func ascending(_ values: [Double]) -> [Double] {
        sorted(values.map { orderedKey($0.bitPattern, signBit: 1 << 63) }, bytes: 8).map { Double(bitPattern: unorderedKey($0, signBit: 1 << 63)) }
    }

    static func ascending(_ values: [Float]) -> [Float] {
        sorted(values.map { orderedKey(UInt64($0.bitPattern), signBit: 1 << 31) }, bytes: 4).map {
            Float(bitPattern: UInt32(truncatingIfNeeded: unorderedKey($0, signBit: 1 << 31)))
        }
    }

    /// Bits whose unsigned order is the values' order: negative values have every bit flipped, others the sign bit set.
    private static func orderedKey(_ bits: UInt64, signBit: UInt64) -> UInt64 {
        bits & signBit != 0 ? ~bits & (signBit | (signBit - 1)) : bits | signBit
    }

    private static func unorderedKey(_ key: UInt64, signBit: UInt64) -> UInt64 {
        key & signBit != 0 ? key & ~signBit : ~key & (signBit | (signBit - 1))
    }

    private static func sorted(_ keys: [UInt64], bytes: Int) -> [UInt64] {
        guard keys.count > 1 else { return keys }
        var counts = [Int](repeating: 0, count: 256 * bytes)
        for key in keys {
            for byte in 0..<bytes { counts[byte * 256 + Int((key >> UInt64(8 * byte)) & 0xFF)] += 1 }
        }
        var (source, target) = (keys, keys)
        for byte in 0..<bytes {
            let histogram = counts[(byte * 256)..<(byte * 256 + 256)]
            guard !histogram.contains(keys.count) else { continue }  // every key has the same byte here
            var starts = [Int](repeating: 0, count: 256)
            var total = 0
            for (digit, count) in zip(0..., histogram) {
                starts[digit] = total
                total += count
            }
            source.withUnsafeBufferPointer { source in
                target.withUnsafeMutableBufferPointer { target in
                    for key in source {
                        let digit = Int((key >> UInt64(8 * byte)) & 0xFF)
                        target[starts[digit]] = key
                        starts[digit] += 1
                    }
                }
            }
            swap(&source, &target)
        }
        return source
    }
}
