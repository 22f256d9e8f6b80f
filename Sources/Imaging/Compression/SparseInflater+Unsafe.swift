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
    private static let lengthBases: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBases: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
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

    @inline(__always)
    private mutating func decode(_ code: borrowing HuffmanCode) throws(DecompressionFailure) -> Int {
        let entry = code.fast[Int(bits & UInt64((1 << HuffmanCode.fastBits) - 1))]
        if entry != 0 {
            let length = Int(entry & 15)
            bits >>= UInt64(length)
            bitCount -= length
            return Int(entry >> 4)
        }
        guard let (symbol, length) = code.decodeLong(bits) else { throw corrupt("invalid Huffman code") }
        bits >>= UInt64(length)
        bitCount -= length
        return symbol
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
        guard let lengthCode = try? HuffmanCode(lengths: codeLengths[...], allowSingleCode: false) else {
            throw corrupt("invalid code lengths code")
        }
        var lengths = [UInt8](repeating: 0, count: literalCount + distanceCount)
        var index = 0
        while index < lengths.count {
            try refill()
            let symbol = try decode(lengthCode)
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
            return (try HuffmanCode(lengths: lengths[..<literalCount]), try HuffmanCode(lengths: lengths[literalCount...]))
        } catch {
            throw corrupt("invalid literal/length or distance code lengths")
        }
    }

    private mutating func huffmanBlock(_ literals: borrowing HuffmanCode, _ distances: borrowing HuffmanCode) throws(DecompressionFailure) {
        while true {
            // 48 bits hold the longest length-distance pair: 15 + 5 + 15 + 13.
            if bitCount < 48 { try refill() }
            let symbol = try decode(literals)
            if symbol < 256 {
                try literal(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            guard symbol <= 285 else { throw corrupt("invalid length symbol \(symbol)") }
            let length = Self.lengthBases[symbol - 257] + take(Self.lengthExtra[symbol - 257])
            let distanceSymbol = try decode(distances)
            guard distanceSymbol < 30 else { throw corrupt("invalid distance symbol \(distanceSymbol)") }
            let distance = Self.distanceBases[distanceSymbol] + take(Self.distanceExtra[distanceSymbol])
            try copy(length: length, distance: distance)
        }
    }

    // MARK: Output

    @inline(__always)
    private mutating func literal(_ byte: UInt8) throws(DecompressionFailure) {
        guard position < limit else { throw .expandsPastDeclaredSize(declared: limit) }
        if byte == 0 {
            position += 1
            return
        }
        prepareWrite(1)
        window[position - base] = byte
        commit(1, lastNonZeroOffset: 0)
    }

    private mutating func copy(length: Int, distance: Int) throws(DecompressionFailure) {
        guard distance <= position - streamStart else { throw corrupt("distance \(distance) reaches before the start of the data") }
        guard position + length <= limit else { throw .expandsPastDeclaredSize(declared: limit) }
        if position - distance > lastNonZero {
            position += length  // a copy of zeros
            return
        }
        prepareWrite(length)
        let target = window + (position - base)
        let source = target - distance
        if distance >= length {
            target.update(from: source, count: length)
        } else {
            for index in 0..<length { target[index] = source[index] }
        }
        var last = length - 1
        while last >= 0, target[last] == 0 { last -= 1 }
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

    /// Records `count` bytes just written at `position` (the last non-zero one at `lastNonZeroOffset`).
    private mutating func commit(_ count: Int, lastNonZeroOffset: Int) {
        let start = position
        if let end = output.ends.last, start - end <= SparseBytes.bridgedGap {
            output.bytes.append(contentsOf: repeatElement(0, count: start - end))
            output.ends[output.ends.count - 1] = start + count
        } else {
            output.starts.append(start)
            output.ends.append(start + count)
        }
        output.bytes.append(contentsOf: UnsafeBufferPointer(start: window + (start - base), count: count))
        lastNonZero = start + lastNonZeroOffset
        position += count
        written = position
    }
}
