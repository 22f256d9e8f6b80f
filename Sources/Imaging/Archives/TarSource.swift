/// The bytes of a tar stream, handed out as the reader asks for them: a tar in memory, or a gzip stream
/// inflated on demand (so a `.tar.gz` is never expanded further than the members the budget admits).
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

/// A tar held in memory.
struct ArrayTarSource: TarSource {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(_ count: Int) throws(ArchiveError) -> [UInt8] {
        let end = offset + min(count, bytes.count - offset)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }

    mutating func skip(_ count: Int) throws(ArchiveError) -> Int {
        let skipped = min(count, bytes.count - offset)
        offset += skipped
        return skipped
    }

    mutating func finish() throws(ArchiveError) {}
}
