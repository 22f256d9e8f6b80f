/// The bytes of a tar stream, handed out as the reader asks for them: a tar read from its `ArchiveInput` a range
/// at a time, or a gzip stream inflated on demand (so a `.tar.gz` is never expanded further than the reader asks).
protocol TarSource {
    /// Bytes of the tar stream handed out or skipped so far.
    var offset: Int { get }
    /// The next `count` bytes, or fewer when the stream ends first.
    mutating func read(_ count: Int) throws(ArchiveError) -> [UInt8]
    /// Passes over the next `count` bytes without keeping them; returns how many there were.
    mutating func skip(_ count: Int) throws(ArchiveError) -> Int
    /// Called after the end-of-archive marker: checks what follows it (a gzip stream's remaining padding and CRC).
    mutating func finish() throws(ArchiveError)
}

/// An uncompressed tar, in memory or in a file.
struct InputTarSource<Input: ArchiveInput>: TarSource {
    private let input: Input
    private(set) var offset = 0

    init(_ input: Input) { self.input = input }

    mutating func read(_ count: Int) throws(ArchiveError) -> [UInt8] {
        let bytes = try input.read(at: offset, count: count)
        offset += bytes.count
        return bytes
    }

    mutating func skip(_ count: Int) throws(ArchiveError) -> Int {
        let skipped = min(count, max(input.count - offset, 0))
        offset += skipped
        return skipped
    }

    mutating func finish() throws(ArchiveError) {}
}
