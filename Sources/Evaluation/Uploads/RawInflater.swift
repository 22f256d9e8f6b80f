import Compression

/// Raw DEFLATE (no header or trailer, as in a zip member) over a member's compressed bytes, read a chunk at a time
/// and expanded a chunk at a time into exactly the member's declared size: a byte more is refused before it is
/// handed on, a stream ending short is refused at its end.
final class RawInflater {
    private let stream: InflateStream
    private let output: UnsafeMutableRawBufferPointer

    init() throws(DecompressionFailure) {
        stream = try InflateStream(.raw)
        output = .allocate(byteCount: Archive.chunkBytes, alignment: 16)
    }

    deinit {
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
            let (status, taken, made) = chunk.withUnsafeBytes { bytes in
                stream.step(UnsafeRawBufferPointer(rebasing: bytes[used...]), into: UnsafeMutableRawBufferPointer(rebasing: output[0..<room]))
            }
            used += taken
            produced += made
            guard produced <= member.size else { throw DecompressionFailure.expandsPastDeclaredSize(declared: member.size) }
            if made > 0 { try deliver(UnsafeRawBufferPointer(rebasing: output[0..<made])) }
            switch status {
            case .progressing: continue
            case .streamEnd:
                guard produced == member.size else { throw DecompressionFailure.truncated(produced: produced, declared: member.size) }
                return
            case .stalled:
                throw DecompressionFailure.corrupt(atInputByte: consumed, reason: "invalid or cut-off stream")
            case .damaged(let reason):
                throw DecompressionFailure.corrupt(atInputByte: consumed + taken, reason: reason)
            }
        }
    }
}
