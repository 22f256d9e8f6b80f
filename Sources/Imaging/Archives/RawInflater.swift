import CZlib

/// zlib's raw inflate (no header or trailer, as in a zip member) over a member's compressed bytes, read a chunk at
/// a time and expanded a chunk at a time into exactly the member's declared size: a byte more is refused before it
/// is handed on, a stream ending short is refused at its end. A class so the `z_stream` stays at one address
/// (zlib checks that) and is ended exactly once.
final class RawInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer

    init() throws(DecompressionFailure) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(byteCount: Archive.chunkBytes, alignment: 16)
        guard arbiter_inflate_init_raw(stream) == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw .corrupt(atInputByte: nil, reason: "zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Expands the member's data, handing each expanded chunk to `deliver`.
    func expand(_ member: ZipMember, from input: some ArchiveInput, deliver: (UnsafeRawBufferPointer) throws -> Void) throws {
        var chunk: [UInt8] = []
        var used = 0
        var read = 0
        var produced = 0
        while true {
            if used == chunk.count, read < member.compressedSize {
                chunk = try input.read(at: member.dataStart + read, count: min(member.compressedSize - read, Archive.chunkBytes))
                read += chunk.count
                used = 0
            }
            let consumed = read - (chunk.count - used)
            // Room for one byte past the declared size, so a stream that goes on is caught at that byte.
            let room = min(Archive.chunkBytes, member.size - produced + 1)
            let (status, taken, made) = step(chunk, from: used, room: room)
            used += taken
            produced += made
            guard produced <= member.size else { throw DecompressionFailure.expandsPastDeclaredSize(declared: member.size) }
            if made > 0 { try deliver(UnsafeRawBufferPointer(rebasing: output[0..<made])) }
            switch status {
            case Z_OK: continue
            case Z_STREAM_END:
                guard produced == member.size else { throw DecompressionFailure.truncated(produced: produced, declared: member.size) }
                return
            case Z_BUF_ERROR where taken == 0 && made == 0:
                throw DecompressionFailure.corrupt(atInputByte: consumed, reason: "invalid or cut-off stream")
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw DecompressionFailure.corrupt(atInputByte: consumed + taken, reason: reason)
            }
        }
    }

    private func step(_ chunk: [UInt8], from used: Int, room: Int) -> (Int32, Int, Int) {
        chunk.withUnsafeBufferPointer { input in
            let available = input.count - used
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + used })
            stream.pointee.avail_in = uInt(available)
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(room)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            return (status, available - Int(stream.pointee.avail_in), room - Int(stream.pointee.avail_out))
        }
    }
}
