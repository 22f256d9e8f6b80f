import CDeflate

extension Deflate {
    static func expand(_ compressed: [UInt8], declaredSize: Int, format: Format) throws(DecompressionFailure) -> [UInt8] {
        guard let decompressor = libdeflate_alloc_decompressor() else {
            throw .corrupt(atInputByte: nil, reason: "libdeflate could not allocate a decompressor")
        }
        defer { libdeflate_free_decompressor(decompressor) }
        guard declaredSize > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: declaredSize)
        var produced = 0
        var consumed = 0
        // A gzip file may hold several members back to back (bgzip, pigz -i, concatenated files).
        while produced < declaredSize || (format == .gzip && consumed < compressed.count) {
            if consumed >= compressed.count { throw .truncated(produced: produced, declared: declaredSize) }
            if format == .gzip, produced == declaredSize {
                if compressed[consumed...].allSatisfy({ $0 == 0 }) { break }  // padding some writers add
                if compressed[consumed] != 0x1F { throw .trailingGarbage(atInputByte: consumed) }
            }
            let (result, memberIn, memberOut) = decodeMember(
                decompressor, compressed, from: consumed, into: &output, at: produced, format: format)
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
            if format == .zlib { break }
        }
        guard produced == declaredSize else { throw .truncated(produced: produced, declared: declaredSize) }
        return output
    }

    private static func decodeMember(
        _ decompressor: OpaquePointer, _ compressed: [UInt8], from start: Int,
        into output: inout [UInt8], at outputStart: Int, format: Format
    ) -> (libdeflate_result, Int, Int) {
        var memberIn = 0
        var memberOut = 0
        let result = compressed.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                let source = input.baseAddress!.advanced(by: start)
                let sourceCount = input.count - start
                let target = out.baseAddress!.advanced(by: outputStart)
                let targetCount = out.count - outputStart
                switch format {
                case .gzip:
                    return libdeflate_gzip_decompress_ex(
                        decompressor, source, sourceCount, target, targetCount, &memberIn, &memberOut)
                case .zlib:
                    return libdeflate_zlib_decompress_ex(
                        decompressor, source, sourceCount, target, targetCount, &memberIn, &memberOut)
                }
            }
        }
        return (result, memberIn, memberOut)
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
