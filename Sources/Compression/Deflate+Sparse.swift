extension Deflate {
    /// Expands every member of a gzip stream into exactly `declaredSize` bytes, returned as the stretches that are
    /// not zero. Each member's CRC-32 and length are checked, as a whole-buffer inflate checks them.
    public static func gunzipSparse(_ compressed: UnsafeRawBufferPointer, declaredSize: Int) throws(DecompressionFailure) -> SparseBytes {
        var inflater = SparseInflater(compressed, limit: declaredSize)
        var consumed = 0
        var produced = 0
        // A gzip file may hold several members back to back (bgzip, pigz -i, concatenated files).
        while produced < declaredSize || consumed < compressed.count {
            if consumed >= compressed.count { throw .truncated(produced: produced, declared: declaredSize) }
            if produced == declaredSize {
                if compressed[consumed...].allSatisfy({ $0 == 0 }) { break }  // padding some writers add
                if compressed[consumed] != 0x1F { throw .trailingGarbage(atInputByte: consumed) }
            }
            let memberStart = produced
            inflater.seek(to: try gzipHeaderEnd(compressed, at: consumed))
            try inflater.inflateStream()
            produced = inflater.output.count
            let trailer = inflater.consumed
            guard trailer + 8 <= compressed.count else { throw .truncated(produced: produced, declared: declaredSize) }
            let storedCRC = compressed.loadUnaligned(fromByteOffset: trailer, as: UInt32.self).littleEndian
            let storedSize = compressed.loadUnaligned(fromByteOffset: trailer + 4, as: UInt32.self).littleEndian
            guard storedSize == UInt32(truncatingIfNeeded: produced - memberStart) else {
                throw .corrupt(atInputByte: trailer + 4, reason: "the gzip trailer's length does not match the data")
            }
            guard storedCRC == inflater.output.crc32(memberStart..<produced) else {
                throw .corrupt(atInputByte: trailer, reason: "CRC-32 mismatch")
            }
            consumed = trailer + 8
        }
        guard produced == declaredSize else { throw .truncated(produced: produced, declared: declaredSize) }
        return inflater.output
    }

    /// Where the DEFLATE data of the gzip member at `start` begins (RFC 1952 §2.3).
    private static func gzipHeaderEnd(_ bytes: UnsafeRawBufferPointer, at start: Int) throws(DecompressionFailure) -> Int {
        guard start + 10 <= bytes.count else { throw .corrupt(atInputByte: start, reason: "too short to be a gzip member") }
        guard bytes[start] == 0x1F, bytes[start + 1] == 0x8B, bytes[start + 2] == 8 else {
            throw .corrupt(atInputByte: start, reason: "not a gzip member with DEFLATE data")
        }
        let flags = bytes[start + 3]
        guard flags & 0xE0 == 0 else { throw .corrupt(atInputByte: start + 3, reason: "reserved gzip flags set") }
        var at = start + 10
        if flags & 4 != 0 {
            guard at + 2 <= bytes.count else { throw .corrupt(atInputByte: at, reason: "gzip extra field cut off") }
            at += 2 + (Int(bytes[at]) | Int(bytes[at + 1]) << 8)
        }
        for flag: UInt8 in [8, 16] where flags & flag != 0 {  // file name, comment: zero-terminated
            while at < bytes.count, bytes[at] != 0 { at += 1 }
            at += 1
        }
        if flags & 2 != 0 { at += 2 }
        guard at < bytes.count else { throw .corrupt(atInputByte: min(at, bytes.count), reason: "gzip header cut off") }
        return at
    }
}
