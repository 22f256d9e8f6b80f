import CDeflate
import CZlib

/// Whole-buffer DEFLATE, zlib and gzip coding.
///
/// Decompression always targets a size the caller already knows from a header, so memory is
/// bounded by what the header legitimately needs: a stream that would expand further is refused
/// as soon as the buffer is full. libdeflate does the bulk work (about twice zlib's speed);
/// zlib is used only to peek at the first bytes of a gzip stream, where a header lives.
public enum Deflate {
    /// DEFLATE cannot expand by more than about 1032:1; a header declaring more is lying.
    public static let maximumExpansionRatio = 1032

    /// Expands every member of a gzip stream into exactly `declaredSize` bytes.
    public static func gunzip(_ compressed: [UInt8], declaredSize: Int) throws(DecompressionFailure) -> [UInt8] {
        try expand(compressed, declaredSize: declaredSize, format: .gzip)
    }

    /// Expands every member of a gzip stream held in memory someone else owns (a mapped file).
    public static func gunzip(_ compressed: UnsafeRawBufferPointer, declaredSize: Int) throws(DecompressionFailure) -> [UInt8] {
        try expand(compressed, declaredSize: declaredSize, format: .gzip)
    }

    /// Expands a zlib stream (RFC 1950, as MetaImage writes) into exactly `declaredSize` bytes.
    public static func inflateZlib(_ compressed: [UInt8], declaredSize: Int) throws(DecompressionFailure) -> [UInt8] {
        try expand(compressed, declaredSize: declaredSize, format: .zlib)
    }

    /// The first `count` bytes a gzip or zlib stream expands to (fewer if the stream is shorter),
    /// continuing into later gzip members when the first is short.
    public static func peek(_ compressed: [UInt8], count: Int) throws(DecompressionFailure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        var stream = z_stream()
        guard arbiter_inflate_init_any(&stream) == Z_OK else {
            throw .corrupt(atInputByte: nil, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var produced = 0
        var consumed = 0
        while produced < count, consumed < compressed.count {
            let (status, memberOut, memberIn) = compressed.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + consumed)
                    stream.avail_in = uInt(input.count - consumed)
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = uInt(out.count - produced)
                    let status = inflate(&stream, Z_SYNC_FLUSH)
                    return (status, out.count - produced - Int(stream.avail_out), input.count - consumed - Int(stream.avail_in))
                }
            }
            produced += memberOut
            consumed += memberIn
            switch status {
            case Z_STREAM_END: inflateReset(&stream)
            case Z_OK, Z_BUF_ERROR: if memberIn == 0 && memberOut == 0 { return Array(output.prefix(produced)) }
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw .corrupt(atInputByte: consumed, reason: reason)
            }
        }
        return Array(output.prefix(produced))
    }

    /// gzip-compresses a buffer (level 1 fastest … 12 smallest; 6 is the usual default).
    public static func gzip(_ bytes: [UInt8], level: Int = 6) -> [UInt8] {
        compress(bytes, level: level, format: .gzip)
    }

    /// zlib-compresses a buffer (RFC 1950), as MetaImage's `CompressedData = True` expects.
    public static func zlib(_ bytes: [UInt8], level: Int = 6) -> [UInt8] {
        compress(bytes, level: level, format: .zlib)
    }

    enum Format { case gzip, zlib, raw }
}

extension Deflate {
    /// Expands a gzip stream of unknown size, refusing (`.expandsPastDeclaredSize`) beyond `limit` bytes.
    public static func gunzipUpTo(_ compressed: [UInt8], limit: Int) throws(DecompressionFailure) -> [UInt8] {
        try expandUpTo(compressed, limit: limit, format: .gzip)
    }

    /// Expands raw DEFLATE data (as inside a zip member) into exactly `declaredSize` bytes.
    public static func inflateRaw(_ compressed: ArraySlice<UInt8>, declaredSize: Int) throws(DecompressionFailure) -> [UInt8] {
        try expand(Array(compressed), declaredSize: declaredSize, format: .raw)
    }

    /// CRC-32 as zip and gzip use it.
    /// The linked zlib's version, for `arbiter doctor`.
    public static var zlibVersionString: String { String(cString: zlibVersion()) }

    /// The libdeflate version built against (it has no run-time version call).
    public static let libdeflateVersionString = LIBDEFLATE_VERSION_STRING

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { crc32($0) }
    }

    public static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(libdeflate_crc32(0, bytes.baseAddress, bytes.count))
    }

    /// What a zlib stream expands to when the whole of it, and nothing after, expands to exactly `size` bytes; nil
    /// otherwise. For the PNG fast path, which falls back to libpng on nil.
    public static func inflateWholeZlib(_ compressed: [UInt8], size: Int) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var (consumed, produced) = (0, 0)
        var output = [UInt8](repeating: 0, count: size)
        let result = compressed.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { target in
                libdeflate_zlib_decompress_ex(decompressor, input.baseAddress, input.count, target.baseAddress, target.count, &consumed, &produced)
            }
        }
        return result == LIBDEFLATE_SUCCESS && consumed == compressed.count && produced == size ? output : nil
    }
}
