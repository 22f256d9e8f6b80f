/// A canonical Huffman code of a DEFLATE block (RFC 1951 §3.2.2), read least significant bit first.
///
/// Codes of up to `fastBits` bits decode with one lookup; longer (rare) codes walk the canonical code one bit at
/// a time, as RFC 1951 defines it.
struct HuffmanCode {
    static let fastBits = 10
    /// For every `fastBits`-bit input: `symbol << 4 | length` of the code it starts with, or 0 when that code is longer.
    private(set) var fast: [UInt16]
    /// Codes of each length (index 0 unused), and the symbols ordered by (length, symbol).
    private var counts: [Int]
    private var symbols: [UInt16]

    /// Why a set of code lengths is not a code.
    enum Problem: Error { case overSubscribed, incomplete }

    /// `lengths[symbol]` is the code length of each symbol (0: unused). Over-subscribed lengths are refused, and
    /// so are incomplete ones unless they hold at most one code of one bit (as zlib allows for a block
    /// with a single distance), so that the streams refused are the ones zlib refuses.
    init(lengths: ArraySlice<UInt8>, allowSingleCode: Bool = true) throws(Problem) {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1...15 {
            left = left << 1 - counts[length]
            if left < 0 { throw .overSubscribed }
        }
        let used = counts.reduce(0, +)
        if left > 0, !(allowSingleCode && (used == 0 || (used == 1 && counts[1] == 1))) { throw .incomplete }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        var symbols = [UInt16](repeating: 0, count: max(used, 1))
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            nextCode[length] = code
        }
        var fast = [UInt16](repeating: 0, count: 1 << Self.fastBits)
        for (symbol, length) in zip(0..., lengths) where length > 0 {
            let length = Int(length)
            symbols[offsets[length]] = UInt16(symbol)
            offsets[length] += 1
            let code = nextCode[length]
            nextCode[length] += 1
            guard length <= Self.fastBits else { continue }
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            let entry = UInt16(symbol << 4 | length)
            for fill in stride(from: reversed, to: 1 << Self.fastBits, by: 1 << length) { fast[fill] = entry }
        }
        self.fast = fast
        self.counts = counts
        self.symbols = symbols
    }

    /// The symbol and code length at the start of `bits` (at least 15 valid bits), for codes longer than
    /// `fastBits`; nil when no code matches (an incomplete code's unused pattern).
    func decodeLong(_ bits: UInt64) -> (symbol: Int, length: Int)? {
        var (code, first, index) = (0, 0, 0)
        for length in 1...15 {
            code |= Int((bits >> UInt64(length - 1)) & 1)
            let count = counts[length]
            if code - first < count { return (Int(symbols[index + code - first]), length) }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        return nil
    }

    /// The fixed codes of block type 1 (RFC 1951 §3.2.6); the distance code keeps the two unused symbols 30 and 31
    /// so that it is complete, as zlib builds it.
    static let fixedLiteralLength: HuffmanCode = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        return try! HuffmanCode(lengths: lengths[...])
    }()

    static let fixedDistance = try! HuffmanCode(lengths: [UInt8](repeating: 5, count: 32)[...])
}
