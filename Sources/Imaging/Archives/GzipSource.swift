import CZlib

/// A gzip stream (one or more members) inflated with zlib only as far as the reader asks: memory is the
/// bytes handed out, one chunk of compressed input and zlib's 32 KiB window, whatever the stream's size or
/// what it would expand to.
struct GzipSource: TarSource {
    private let inflater: StreamInflater
    private(set) var offset = 0

    init(_ compressed: some ArchiveInput, archive: String) throws(ArchiveError) {
        inflater = try StreamInflater(compressed, archive: archive)
    }

    mutating func read(_ count: Int) throws(ArchiveError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        let produced = try inflater.inflate(into: &output, count: count, at: offset)
        offset += produced
        if produced < count { output.removeSubrange(produced...) }
        return output
    }

    mutating func skip(_ count: Int) throws(ArchiveError) -> Int {
        var scratch = [UInt8](repeating: 0, count: min(count, 1 << 16))
        var skipped = 0
        while skipped < count {
            let want = min(count - skipped, scratch.count)
            let produced = try inflater.inflate(into: &scratch, count: want, at: offset)
            skipped += produced
            offset += produced
            if produced < want { break }
        }
        return skipped
    }

    /// Tar writers pad to whole 10 KiB records after the end marker; inflating that padding lets zlib check the
    /// stream's CRC-32 and length. More than 1 MiB after the end is refused rather than inflated.
    mutating func finish() throws(ArchiveError) {
        let limit = 1 << 20
        let at = offset
        guard try skip(limit + 1) <= limit else {
            throw ArchiveError(archive: inflater.archive, byteOffset: at, "more than \(limit) bytes follow the end of the tar inside the gzip stream")
        }
    }
}

/// zlib's inflate state over an `ArchiveInput`, read a chunk (`Archive.chunkBytes`) at a time. A class so the
/// `z_stream` stays at one address (zlib checks that) and is ended exactly once.
final class StreamInflater {
    private let input: any ArchiveInput
    let archive: String
    private let stream: UnsafeMutablePointer<z_stream>
    /// The compressed bytes read so far but not all consumed, and where they start in the input.
    private var chunk: [UInt8] = []
    private var chunkStart = 0
    private var chunkUsed = 0
    private var finished = false

    /// Compressed bytes consumed so far.
    private var consumed: Int { chunkStart + chunkUsed }

    init(_ input: some ArchiveInput, archive: String) throws(ArchiveError) {
        self.input = input
        self.archive = archive
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard arbiter_inflate_init_any(stream) == Z_OK else {
            stream.deallocate()
            throw ArchiveError(archive: archive, "gzip stream: zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Fills the first `count` bytes of `buffer` from the stream; fewer only at the stream's end. `offset`
    /// (in the expanded stream) only locates errors.
    func inflate(into buffer: inout [UInt8], count: Int, at offset: Int) throws(ArchiveError) -> Int {
        var produced = 0
        while produced < count, !finished {
            try refill()
            let (status, used, made) = buffer.withUnsafeMutableBytes { step(into: $0, from: produced, to: count) }
            chunkUsed += used
            produced += made
            switch status {
            case Z_OK: continue
            case Z_STREAM_END:
                // Another member may follow (pigz -i, concatenated files); zeros after the last are padding.
                if try restIsZeros() { finished = true } else { inflateReset(stream) }
            case Z_BUF_ERROR where used == 0 && made == 0:
                throw ArchiveError(archive: archive, byteOffset: consumed, "gzip stream is cut off (at byte \(offset + produced) of the expanded tar)")
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw ArchiveError(archive: archive, byteOffset: consumed, "gzip stream is damaged: \(reason)")
            }
        }
        return produced
    }

    /// Reads the next chunk of compressed input once the current one is used up.
    private func refill() throws(ArchiveError) {
        guard chunkUsed == chunk.count, consumed < input.count else { return }
        chunkStart = consumed
        chunk = try input.read(at: chunkStart, count: Archive.chunkBytes)
        chunkUsed = 0
    }

    /// Whether nothing but zero bytes follows what has been consumed (read through a chunk at a time).
    private func restIsZeros() throws(ArchiveError) -> Bool {
        guard chunk[chunkUsed...].allSatisfy({ $0 == 0 }) else { return false }
        var at = chunkStart + chunk.count
        while at < input.count {
            let next = try input.read(at: at, count: Archive.chunkBytes)
            guard !next.isEmpty else { break }
            guard next.allSatisfy({ $0 == 0 }) else { return false }
            at += next.count
        }
        return true
    }

    private func step(into buffer: UnsafeMutableRawBufferPointer, from produced: Int, to count: Int) -> (Int32, Int, Int) {
        chunk.withUnsafeBufferPointer { input in
            let inputCount = input.count - chunkUsed
            let outputCount = min(count - produced, 1 << 30)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + chunkUsed })
            stream.pointee.avail_in = uInt(inputCount)
            stream.pointee.next_out = buffer.baseAddress!.advanced(by: produced).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(outputCount)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            return (status, inputCount - Int(stream.pointee.avail_in), outputCount - Int(stream.pointee.avail_out))
        }
    }
}
