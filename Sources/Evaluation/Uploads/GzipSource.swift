import Compression

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

/// A gzip stream over an `ArchiveInput`, inflated a chunk (`Archive.chunkBytes`) of input at a time.
final class StreamInflater {
    private let input: any ArchiveInput
    let archive: String
    private let stream: InflateStream
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
        do {
            stream = try InflateStream(.gzipOrZlib)
        } catch {
            throw ArchiveError(archive: archive, "gzip stream: zlib could not start")
        }
    }

    /// Fills the first `count` bytes of `buffer` from the stream; fewer only at the stream's end. `offset`
    /// (in the expanded stream) only locates errors.
    func inflate(into buffer: inout [UInt8], count: Int, at offset: Int) throws(ArchiveError) -> Int {
        var produced = 0
        while produced < count, !finished {
            try refill()
            let (status, used, made) = buffer.withUnsafeMutableBytes { output in
                chunk.withUnsafeBytes { input in
                    stream.step(UnsafeRawBufferPointer(rebasing: input[chunkUsed...]),
                                into: UnsafeMutableRawBufferPointer(rebasing: output[produced..<count]))
                }
            }
            chunkUsed += used
            produced += made
            switch status {
            case .progressing: continue
            case .streamEnd:
                // Another member may follow (pigz -i, concatenated files); zeros after the last are padding.
                if try restIsZeros() { finished = true } else { stream.reset() }
            case .stalled:
                throw ArchiveError(archive: archive, byteOffset: consumed, "gzip stream is cut off (at byte \(offset + produced) of the expanded tar)")
            case .damaged(let reason):
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
}
