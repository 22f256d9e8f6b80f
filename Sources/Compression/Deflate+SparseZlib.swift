import CDeflate

extension Deflate {
    /// Expands a zlib stream (RFC 1950, as inside a PNG) that must fill exactly `declaredSize` bytes and end the
    /// input, returned as the stretches that are not zero; the Adler-32 trailer is checked.
    public static func inflateZlibSparse(_ compressed: UnsafeRawBufferPointer, declaredSize: Int) throws(DecompressionFailure) -> SparseBytes {
        guard compressed.count >= 6 else { throw .corrupt(atInputByte: 0, reason: "too short to be a zlib stream") }
        let (method, flags) = (compressed[0], compressed[1])
        guard method & 0x0F == 8, method >> 4 <= 7, (Int(method) << 8 | Int(flags)) % 31 == 0, flags & 0x20 == 0 else {
            throw .corrupt(atInputByte: 0, reason: "not a zlib header for DEFLATE data without a preset dictionary")
        }
        var inflater = SparseInflater(compressed, limit: declaredSize)
        inflater.seek(to: 2)
        try inflater.inflateStream()
        let output = inflater.output
        let trailer = inflater.consumed
        guard output.count == declaredSize else { throw .truncated(produced: output.count, declared: declaredSize) }
        guard trailer + 4 <= compressed.count else { throw .truncated(produced: output.count, declared: declaredSize) }
        guard trailer + 4 == compressed.count else { throw .trailingGarbage(atInputByte: trailer + 4) }
        let stored = UInt32(bigEndian: compressed.loadUnaligned(fromByteOffset: trailer, as: UInt32.self))
        guard stored == output.adler32() else { throw .corrupt(atInputByte: trailer, reason: "Adler-32 mismatch") }
        return output
    }
}

extension SparseBytes {
    /// The Adler-32 of the whole string; a run of n zeros leaves the first sum alone and adds n times it to the second.
    func adler32() -> UInt32 {
        var adler: UInt32 = 1
        var at = 0
        func skipZeros(_ count: Int) {
            let (a, b) = (UInt64(adler & 0xFFFF), UInt64(adler >> 16))
            adler = UInt32((b + UInt64(count % 65521) * a) % 65521) << 16 | UInt32(a)
        }
        forEachStretch(in: 0..<count) { start, bytes in
            skipZeros(start - at)
            adler = bytes.withUnsafeBytes { UInt32(libdeflate_adler32(adler, $0.baseAddress, $0.count)) }
            at = start + bytes.count
        }
        skipZeros(count - at)
        return adler
    }
}
