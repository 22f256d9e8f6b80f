/// A canonical Huffman code of a DEFLATE block (RFC 1951 §3.2.2), read least significant bit first.
///
/// Codes of up to `fastBits` bits decode with one lookup; longer (rare) codes walk the canonical code one bit at
/// a time, as RFC 1951 defines it. Each symbol is stored as an `entry` saying what it means (a literal, a length
/// or distance base and its extra bits…), so decoding needs no second table.
struct HuffmanCode {
    static let fastBits = 10
    /// For every input of log2(`fast.count`) bits (`fastBits`, or fewer when every code is shorter): the entry of
    /// the code it starts with, its code length in the low 5 bits; 0 when that code is longer.
    private(set) var fast: [UInt32]
    private let alphabet: DeflateSymbol.Alphabet
    /// Codes of each length (index 0 unused), and the symbols ordered by (length, symbol).
    private var counts: [Int]
    private var symbols: [UInt16]

    /// Why a set of code lengths is not a code.
    enum Problem: Error { case overSubscribed, incomplete }

    /// `lengths[symbol]` is the code length of each symbol (0: unused). Over-subscribed lengths are refused, and
    /// so are incomplete ones unless they hold at most one code of one bit (as zlib allows for a block
    /// with a single distance), so that the streams refused are the ones zlib refuses.
    /// `alphabet` says what each symbol means (`DeflateSymbol.entry`).
    init(lengths: ArraySlice<UInt8>, allowSingleCode: Bool = true, alphabet: DeflateSymbol.Alphabet) throws(Problem) {
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
        let tableBits = max(1, min(Self.fastBits, counts.lastIndex { $0 > 0 } ?? 0))
        var fast = [UInt32](repeating: 0, count: 1 << tableBits)
        for (symbol, length) in zip(0..., lengths) where length > 0 {
            let length = Int(length)
            symbols[offsets[length]] = UInt16(symbol)
            offsets[length] += 1
            let code = nextCode[length]
            nextCode[length] += 1
            guard length <= tableBits else { continue }
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            let entry = DeflateSymbol.entry(symbol, alphabet) | UInt32(length)
            fast.withUnsafeMutableBufferPointer { fast in
                for fill in stride(from: reversed, to: fast.count, by: 1 << length) { fast[fill] = entry }
            }
        }
        self.fast = fast
        self.alphabet = alphabet
        self.counts = counts
        self.symbols = symbols
    }

    /// The entry (with its code length) of the code at the start of `bits` (at least 15 valid bits), for codes
    /// longer than `fastBits`; nil when no code matches (an incomplete code's unused pattern).
    func decodeLong(_ bits: UInt64) -> UInt32? {
        var (code, first, index) = (0, 0, 0)
        for length in 1...15 {
            code |= Int((bits >> UInt64(length - 1)) & 1)
            let count = counts[length]
            if code - first < count { return DeflateSymbol.entry(Int(symbols[index + code - first]), alphabet) | UInt32(length) }
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
        return try! HuffmanCode(lengths: lengths[...], alphabet: .literalLength)
    }()

    static let fixedDistance = try! HuffmanCode(lengths: [UInt8](repeating: 5, count: 32)[...], alphabet: .distance)
}

/// What a DEFLATE symbol means, packed into a Huffman table entry: `value << 16 | kind << 9 | extraBits << 5`
/// (the low 5 bits hold the code length).
enum DeflateSymbol {
    static let literal: UInt32 = 0, length: UInt32 = 1, endOfBlock: UInt32 = 2, invalid: UInt32 = 3

    private static let lengthBases: [UInt32] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [UInt32] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBases: [UInt32] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra: [UInt32] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The three alphabets of a DEFLATE block: code lengths (entries hold the symbol itself), literals and
    /// lengths, and distances.
    enum Alphabet { case codeLength, literalLength, distance }

    static func entry(_ symbol: Int, _ alphabet: Alphabet) -> UInt32 {
        switch alphabet {
        case .codeLength: UInt32(symbol) << 16
        case .literalLength: literalLength(symbol)
        case .distance: distance(symbol)
        }
    }

    static func literalLength(_ symbol: Int) -> UInt32 {
        switch symbol {
        case 0..<256: UInt32(symbol) << 16 | literal << 9
        case 256: endOfBlock << 9
        case 257...285: lengthBases[symbol - 257] << 16 | length << 9 | lengthExtra[symbol - 257] << 5
        default: UInt32(symbol) << 16 | invalid << 9
        }
    }

    static func distance(_ symbol: Int) -> UInt32 {
        symbol < 30 ? distanceBases[symbol] << 16 | distanceExtra[symbol] << 5 : UInt32(symbol) << 16 | invalid << 9
    }

    @inline(__always) static func kind(_ entry: UInt32) -> UInt32 { (entry >> 9) & 3 }
    @inline(__always) static func value(_ entry: UInt32) -> Int { Int(entry >> 16) }
    @inline(__always) static func extraBits(_ entry: UInt32) -> Int { Int((entry >> 5) & 15) }
    @inline(__always) static func codeLength(_ entry: UInt32) -> Int { Int(entry & 31) }
}
