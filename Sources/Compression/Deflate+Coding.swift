import CDeflate

extension Deflate {
    static func expand(_ compressed: [UInt8], declaredSize: Int, format: Format) throws(DecompressionFailure) -> [UInt8] {
        let result = compressed.withUnsafeBytes { input in
            Result { () throws(DecompressionFailure) in try expand(input, declaredSize: declaredSize, format: format) }
        }
        return try result.get()
    }

    /// Expands into a buffer of exactly `declaredSize` bytes, left uninitialised until written: zero-filling
    /// hundreds of megabytes first would cost as much as a fifth of the decompression.
    static func expand(_ compressed: UnsafeRawBufferPointer, declaredSize: Int, format: Format) throws(DecompressionFailure) -> [UInt8] {
        guard declaredSize > 0 else { return [] }
        guard let decompressor = libdeflate_alloc_decompressor() else {
            throw .corrupt(atInputByte: nil, reason: "libdeflate could not allocate a decompressor")
        }
        defer { libdeflate_free_decompressor(decompressor) }
        var failure: DecompressionFailure?
        let output = [UInt8](unsafeUninitializedCapacity: declaredSize) { buffer, initialized in
            do throws(DecompressionFailure) {
                try decodeMembers(decompressor, compressed, into: UnsafeMutableRawBufferPointer(buffer), format: format)
                initialized = declaredSize
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Fills `output` exactly, from one zlib stream or one or more gzip members.
    private static func decodeMembers(
        _ decompressor: OpaquePointer, _ compressed: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, format: Format
    ) throws(DecompressionFailure) {
        let declaredSize = output.count
        var produced = 0
        var consumed = 0
        // A gzip file may hold several members back to back (bgzip, pigz -i, concatenated files).
        while produced < declaredSize || (format == .gzip && consumed < compressed.count) {
            if consumed >= compressed.count { throw .truncated(produced: produced, declared: declaredSize) }
            if format == .gzip, produced == declaredSize {
                if compressed[consumed...].allSatisfy({ $0 == 0 }) { break }  // padding some writers add
                if compressed[consumed] != 0x1F { throw .trailingGarbage(atInputByte: consumed) }
            }
            var memberIn = 0
            var memberOut = 0
            let source = compressed.baseAddress! + consumed
            let target = output.baseAddress! + produced
            let (available, space) = (compressed.count - consumed, declaredSize - produced)
            let result = switch format {
            case .gzip: libdeflate_gzip_decompress_ex(decompressor, source, available, target, space, &memberIn, &memberOut)
            case .zlib: libdeflate_zlib_decompress_ex(decompressor, source, available, target, space, &memberIn, &memberOut)
            case .raw: libdeflate_deflate_decompress_ex(decompressor, source, available, target, space, &memberIn, &memberOut)
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                consumed += memberIn
                produced += memberOut
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                throw .expandsPastDeclaredSize(declared: declaredSize)
            default:
                // libdeflate cannot tell a cut-off stream from a damaged one; say which is likelier.
                let reason = consumed == 0 && compressed.count < 18 ? "too short to be a stream" : "invalid or cut-off stream"
                throw .corrupt(atInputByte: consumed, reason: reason)
            }
            if format != .gzip { break }
        }
        guard produced == declaredSize else { throw .truncated(produced: produced, declared: declaredSize) }
    }

    /// Expands into at most `limit` bytes when the size is not known in advance.
    static func expandUpTo(_ compressed: [UInt8], limit: Int, format: Format) throws(DecompressionFailure) -> [UInt8] {
        guard let decompressor = libdeflate_alloc_decompressor() else {
            throw .corrupt(atInputByte: nil, reason: "libdeflate could not allocate a decompressor")
        }
        defer { libdeflate_free_decompressor(decompressor) }
        var output = [UInt8](repeating: 0, count: limit)
        var produced = 0
        var consumed = 0
        while consumed < compressed.count {
            if compressed[consumed...].allSatisfy({ $0 == 0 }) { break }
            var memberIn = 0
            var memberOut = 0
            let result = compressed.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    libdeflate_gzip_decompress_ex(decompressor, input.baseAddress! + consumed, input.count - consumed,
                                                  out.baseAddress! + produced, out.count - produced, &memberIn, &memberOut)
                }
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                consumed += memberIn
                produced += memberOut
            case LIBDEFLATE_INSUFFICIENT_SPACE: throw .expandsPastDeclaredSize(declared: limit)
            default: throw .corrupt(atInputByte: consumed, reason: "invalid or cut-off stream")
            }
        }
        output.removeSubrange(produced...)
        return output
    }

    static func compress(_ bytes: [UInt8], level: Int, format: Format) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(Int32(min(max(level, 1), 12))) else {
            fatalError("libdeflate could not allocate a compressor (out of memory)")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = format == .gzip
            ? libdeflate_gzip_compress_bound(compressor, bytes.count)
            : libdeflate_zlib_compress_bound(compressor, bytes.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                format == .gzip
                    ? libdeflate_gzip_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
                    : libdeflate_zlib_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        precondition(written > 0, "libdeflate's bound was too small for \(bytes.count) bytes")
        output.removeSubrange(written...)
        return output
    }
}
