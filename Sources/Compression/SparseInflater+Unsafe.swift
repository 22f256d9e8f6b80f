import Foundation

/// Inflates DEFLATE data (RFC 1951) into `SparseBytes` without writing out the zeros.
///
/// A label or detection map is mostly zeros, which DEFLATE stores as long matches copying zeros. A match whose
/// source holds no non-zero byte (its start is past the last non-zero byte written) only moves the output
/// position: nothing is copied. Other data is written to a small window (the last 32 KiB that matches may reach,
/// plus room to work), and the zero bytes a later match may copy are filled in just before they can be reached.
/// Work is then proportional to the DEFLATE symbols and the non-zero data, not to the expanded size.
struct SparseInflater: ~Copyable {
    private static let reach = 32_768
    private static let capacity = 3 * reach
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private let input: UnsafeRawBufferPointer
    /// Next input byte to load into `bits`.
    private var next: Int
    private var bits: UInt64 = 0
    private var bitCount = 0
    private let limit: Int

    /// The output so far; `position` is its length.
    private(set) var output = SparseBytes()
    private var position = 0
    /// Where the current DEFLATE stream started: matches may not reach before it.
    private var streamStart = 0
    /// The last non-zero byte written (-1: none).
    private var lastNonZero = -1
    /// Output bytes below `written` are in the window (those not older than `base`); bytes from `written` to
    /// `position` are zeros not written yet.
    private var written = 0
    private var base = 0
    private let window: UnsafeMutablePointer<UInt8>

    /// `limit`: output beyond this many bytes is refused (`expandsPastDeclaredSize`).
    init(_ input: UnsafeRawBufferPointer, limit: Int) {
        self.input = input
        self.next = 0
        self.limit = limit
        window = .allocate(capacity: Self.capacity)
        output.bytes.reserveCapacity(1 << 14)
    }

    deinit { window.deallocate() }

    /// Input bytes consumed so far (whole bytes; call after a stream ended on a byte boundary).
    var consumed: Int { next - bitCount / 8 }

    /// Skips to `byte` of the input (after a gzip header or trailer).
    mutating func seek(to byte: Int) {
        (next, bits, bitCount) = (byte, 0, 0)
    }

    /// Inflates one DEFLATE stream starting at the current input byte; leaves the input at the next whole byte.
    mutating func inflateStream() throws(DecompressionFailure) {
        streamStart = position
        var final = false
        while !final {
            try refill()
            final = take(1) == 1
            switch take(2) {
            case 0: try storedBlock()
            case 1: try huffmanBlock(HuffmanCode.fixedLiteralLength, HuffmanCode.fixedDistance)
            case 2:
                let (literals, distances) = try dynamicCodes()
                try huffmanBlock(literals, distances)
            default: throw corrupt("block type 3 is reserved")
            }
        }
        bitCount -= bitCount % 8
        guard consumed <= input.count else { throw .truncated(produced: position, declared: limit) }
        output.count = position
    }

    // MARK: Bits

    private mutating func refill() throws(DecompressionFailure) {
        if next + 8 <= input.count {
            bits |= input.loadUnaligned(fromByteOffset: next, as: UInt64.self).littleEndian << UInt64(bitCount)
            next += (63 - bitCount) >> 3
            bitCount |= 56
            return
        }
        while bitCount <= 56 {
            // Past the end, zero bytes are read; a stream that needs more than a few of them is cut off.
            if next < input.count { bits |= UInt64(input[next]) << UInt64(bitCount) }
            guard next < input.count + 16 else { throw .truncated(produced: position, declared: limit) }
            next += 1
            bitCount += 8
        }
    }

    @inline(__always)
    private mutating func take(_ count: Int) -> Int {
        let value = Int(bits & ((1 << UInt64(count)) - 1))
        bits >>= UInt64(count)
        bitCount -= count
        return value
    }

    /// The entry of the next code (its code length consumed).
    @inline(__always)
    private mutating func decode(_ code: borrowing HuffmanCode, fast: UnsafeBufferPointer<UInt32>) throws(DecompressionFailure) -> UInt32 {
        var entry = fast[Int(bits & UInt64(fast.count - 1))]
        if entry == 0 {
            guard let long = code.decodeLong(bits) else { throw corrupt("invalid Huffman code") }
            entry = long
        }
        let length = DeflateSymbol.codeLength(entry)
        bits >>= UInt64(length)
        bitCount -= length
        return entry
    }

    private func corrupt(_ reason: String) -> DecompressionFailure {
        .corrupt(atInputByte: min(consumed, input.count), reason: reason)
    }

    // MARK: Blocks

    private mutating func storedBlock() throws(DecompressionFailure) {
        bitCount -= bitCount % 8
        let start = consumed
        seek(to: start)
        guard start + 4 <= input.count else { throw .truncated(produced: position, declared: limit) }
        let length = Int(input[start]) | Int(input[start + 1]) << 8
        let complement = Int(input[start + 2]) | Int(input[start + 3]) << 8
        guard length ^ complement == 0xFFFF else { throw corrupt("stored block length does not match its complement") }
        guard start + 4 + length <= input.count else { throw .truncated(produced: position, declared: limit) }
        guard position + length <= limit else { throw .expandsPastDeclaredSize(declared: limit) }
        var offset = start + 4
        while offset < start + 4 + length {
            let chunk = min(Self.reach, start + 4 + length - offset)
            let source = UnsafeRawBufferPointer(rebasing: input[offset..<offset + chunk])
            if let last = source.lastIndex(where: { $0 != 0 }) {
                prepareWrite(chunk)
                UnsafeMutableRawPointer(window + (position - base)).copyMemory(from: source.baseAddress!, byteCount: chunk)
                commit(chunk, lastNonZeroOffset: last)
            } else {
                position += chunk
            }
            offset += chunk
        }
        seek(to: start + 4 + length)
    }

    private mutating func dynamicCodes() throws(DecompressionFailure) -> (HuffmanCode, HuffmanCode) {
        try refill()
        let literalCount = take(5) + 257
        let distanceCount = take(5) + 1
        let codeLengthCount = take(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw corrupt("too many length or distance symbols") }
        var codeLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            try refill()
            codeLengths[Self.codeLengthOrder[index]] = UInt8(take(3))
        }
        guard let lengthCode = try? HuffmanCode(lengths: codeLengths[...], allowSingleCode: false, alphabet: .codeLength) else {
            throw corrupt("invalid code lengths code")
        }
        var lengths = [UInt8](repeating: 0, count: literalCount + distanceCount)
        var index = 0
        while index < lengths.count {
            try refill()
            let symbol = DeflateSymbol.value(try lengthCode.fast.withUnsafeBufferPointer { fast throws(DecompressionFailure) in try decode(lengthCode, fast: fast) })
            var (value, repeats): (UInt8, Int)
            switch symbol {
            case 0..<16: (value, repeats) = (UInt8(symbol), 1)
            case 16:
                guard index > 0 else { throw corrupt("repeat with no previous length") }
                (value, repeats) = (lengths[index - 1], 3 + take(2))
            case 17: (value, repeats) = (0, 3 + take(3))
            default: (value, repeats) = (0, 11 + take(7))
            }
            guard index + repeats <= lengths.count else { throw corrupt("code lengths repeat past the end") }
            for slot in index..<index + repeats { lengths[slot] = value }
            index += repeats
        }
        guard lengths[256] != 0 else { throw corrupt("no end-of-block code") }
        do {
            return (try HuffmanCode(lengths: lengths[..<literalCount], alphabet: .literalLength),
                    try HuffmanCode(lengths: lengths[literalCount...], alphabet: .distance))
        } catch {
            throw corrupt("invalid literal/length or distance code lengths")
        }
    }

    /// The symbols of one Huffman-coded block. Zero literals and copies of zeros, nearly all of a mostly empty
    /// map, are handled here with the bit buffer and position in registers; anything else is written out of line.
    private mutating func huffmanBlock(_ literals: borrowing HuffmanCode, _ distances: borrowing HuffmanCode) throws(DecompressionFailure) {
        let (literalMask, distanceMask) = (UInt64(literals.fast.count - 1), UInt64(distances.fast.count - 1))
        try literals.fast.withUnsafeBufferPointer { literalTable throws(DecompressionFailure) in
            try distances.fast.withUnsafeBufferPointer { distanceTable throws(DecompressionFailure) in
                var (bits, bitCount, position) = (self.bits, self.bitCount, self.position)
                defer { (self.bits, self.bitCount, self.position) = (bits, bitCount, position) }
                while true {
                    // 48 bits hold the longest length-distance pair: 15 + 5 + 15 + 13.
                    if bitCount < 48 {
                        (self.bits, self.bitCount) = (bits, bitCount)
                        try refill()
                        (bits, bitCount) = (self.bits, self.bitCount)
                    }
                    let (symbolBits, symbolBitCount) = (bits, bitCount)
                    var entry = literalTable[Int(bits & literalMask)]
                    if entry == 0 {
                        self.bitCount = bitCount
                        guard let long = literals.decodeLong(bits) else { throw corrupt("invalid Huffman code") }
                        entry = long
                    }
                    bits >>= UInt64(entry & 31)
                    bitCount -= Int(entry & 31)
                    switch DeflateSymbol.kind(entry) {
                    case DeflateSymbol.literal:
                        guard position < limit else { throw DecompressionFailure.expandsPastDeclaredSize(declared: limit) }
                        guard entry >> 16 != 0 else {
                            position += 1
                            continue
                        }
                        self.position = position
                        write(UInt8(truncatingIfNeeded: entry >> 16))
                        position = self.position
                    case DeflateSymbol.length:
                        let lengthExtra = UInt64((entry >> 5) & 15)
                        let length = Int(entry >> 16) + Int(bits & ((1 << lengthExtra) - 1))
                        bits >>= lengthExtra
                        bitCount -= Int(lengthExtra)
                        var distanceEntry = distanceTable[Int(bits & distanceMask)]
                        if distanceEntry == 0 {
                            self.bitCount = bitCount
                            guard let long = distances.decodeLong(bits) else { throw corrupt("invalid Huffman code") }
                            distanceEntry = long
                        }
                        bits >>= UInt64(distanceEntry & 31)
                        bitCount -= Int(distanceEntry & 31)
                        guard DeflateSymbol.kind(distanceEntry) != DeflateSymbol.invalid else {
                            self.bitCount = bitCount
                            throw corrupt("invalid distance symbol \(DeflateSymbol.value(distanceEntry))")
                        }
                        let distanceExtra = UInt64((distanceEntry >> 5) & 15)
                        let distance = Int(distanceEntry >> 16) + Int(bits & ((1 << distanceExtra) - 1))
                        bits >>= distanceExtra
                        bitCount -= Int(distanceExtra)
                        guard distance <= position - streamStart else {
                            self.bitCount = bitCount
                            throw corrupt("distance \(distance) reaches before the start of the data")
                        }
                        guard position + length <= limit else { throw DecompressionFailure.expandsPastDeclaredSize(declared: limit) }
                        if position - distance > lastNonZero {
                            // A copy of zeros; long zero runs are the same length-distance pair over and over,
                            // so while the next bits repeat this pair's bits, they are that pair again.
                            position += length
                            let pairLength = symbolBitCount - bitCount
                            let pair = symbolBits & ((1 << UInt64(pairLength)) - 1)
                            while true {
                                if bitCount < pairLength {
                                    (self.bits, self.bitCount) = (bits, bitCount)
                                    try refill()
                                    (bits, bitCount) = (self.bits, self.bitCount)
                                }
                                guard bits & ((1 << UInt64(pairLength)) - 1) == pair, position + length <= limit else { break }
                                position += length
                                bits >>= UInt64(pairLength)
                                bitCount -= pairLength
                            }
                            continue
                        }
                        self.position = position
                        copy(length: length, distance: distance)
                        position = self.position
                    case DeflateSymbol.endOfBlock:
                        return
                    default:
                        self.bitCount = bitCount
                        throw corrupt("invalid length symbol \(DeflateSymbol.value(entry))")
                    }
                }
            }
        }
    }

    // MARK: Output

    /// Writes a non-zero literal.
    private mutating func write(_ byte: UInt8) {
        prepareWrite(1)
        window[position - base] = byte
        commit(1, lastNonZeroOffset: 0)
    }

    /// Writes a copy whose source may hold non-zero bytes (distance and length already checked).
    private mutating func copy(length: Int, distance: Int) {
        prepareWrite(length)
        let target = window + (position - base)
        let source = target - distance
        if distance >= length {
            target.update(from: source, count: length)
        } else {
            for index in 0..<length { target[index] = source[index] }
        }
        let last = Self.lastNonZero(target, count: length)
        if last >= 0 {
            commit(length, lastNonZeroOffset: last)
        } else {
            position += length
            written = position
        }
    }

    /// Makes room in the window for `count` bytes at `position`, first filling in the zeros still unwritten
    /// within reach.
    private mutating func prepareWrite(_ count: Int) {
        if position + count - base > Self.capacity {
            let newBase = position - Self.reach
            let kept = min(written, position) - newBase
            if kept > 0 { window.update(from: window + (newBase - base), count: kept) }
            base = newBase
        }
        if written < position {
            let from = max(written, position - Self.reach, base)
            (window + (from - base)).update(repeating: 0, count: position - from)
            written = position
        }
    }

    /// Offset of the last non-zero byte of `count` bytes, or -1; eight bytes at a time, as copies often end in zeros.
    private static func lastNonZero(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var end = count
        while end >= 8, UnsafeRawPointer(bytes + end - 8).loadUnaligned(as: UInt64.self) == 0 { end -= 8 }
        while end > 0, bytes[end - 1] == 0 { end -= 1 }
        return end - 1
    }

    /// Records `count` bytes just written at `position`; those after the last non-zero one (at
    /// `lastNonZeroOffset`) are left out of the stretches.
    private mutating func commit(_ count: Int, lastNonZeroOffset: Int) {
        let (start, kept) = (position, lastNonZeroOffset + 1)
        if let end = output.ends.last, start - end <= SparseBytes.bridgedGap {
            output.bytes.append(contentsOf: repeatElement(0, count: start - end))
            output.ends[output.ends.count - 1] = start + kept
        } else {
            output.starts.append(start)
            output.ends.append(start + kept)
        }
        output.bytes.append(contentsOf: UnsafeBufferPointer(start: window + (start - base), count: kept))
        lastNonZero = start + lastNonZeroOffset
        position += count
        written = position
    }
}
