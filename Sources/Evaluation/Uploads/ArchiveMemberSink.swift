/// Where unpacked members go, one at a time and a chunk at a time: `begin` with the member's canonical path,
/// `write` for each chunk of its bytes (none for an empty member), `end` once its size and CRC have been checked.
/// A member that fails a check after some of it was written is not ended: the unpacking throws, and whatever the
/// sink wrote is to be thrown away with the error.
public protocol ArchiveMemberSink {
    /// A new regular file at `path` (canonical: `/`-separated, relative, no `.` or `..` parts, not seen before).
    mutating func begin(_ path: String) throws
    /// The next bytes of the current member, at most 1 MiB; valid only during the call.
    mutating func write(_ chunk: UnsafeRawBufferPointer) throws
    /// The current member is complete: all its bytes were written, as many as it declared (and for a zip member,
    /// matching its CRC-32).
    mutating func end() throws
    /// Asked by the tar reader before `begin`, with the member's size and the offset of its header: false passes
    /// over the member's bytes unread (unexpanded, for a plain tar) and `begin` is not called. Every member by default.
    mutating func wants(_ path: String, size: Int, headerOffset: Int) throws -> Bool
    /// Whether the tar reader hands symbolic links to `link` rather than refusing them (false by default).
    var acceptsLinks: Bool { get }
    /// A symbolic link at the canonical `path` to `target` as the archive writes it (not checked: it is not
    /// followed by the reader). Only called when `acceptsLinks`.
    mutating func link(_ path: String, target: String, headerOffset: Int) throws
}

/// The defaults: every member read, links refused.
extension ArchiveMemberSink {
    public mutating func wants(_ path: String, size: Int, headerOffset: Int) throws -> Bool { true }
    public var acceptsLinks: Bool { false }
    public mutating func link(_ path: String, target: String, headerOffset: Int) throws {}
}

/// Collects members in memory, as `Archive.entries` returns them.
struct ArchiveEntryCollector: ArchiveMemberSink {
    private(set) var entries: [ArchiveEntry] = []
    private var path = ""
    private var bytes: [UInt8] = []

    mutating func begin(_ path: String) {
        self.path = path
        bytes = []
    }

    mutating func write(_ chunk: UnsafeRawBufferPointer) { bytes.append(contentsOf: chunk) }

    mutating func end() {
        entries.append(ArchiveEntry(path: path, bytes: bytes))
        bytes = []
    }
}

/// Passes members on except macOS metadata (`__MACOSX/`, `._name`, `.DS_Store`), which are still read through
/// (and CRC-checked) but go nowhere.
struct MetadataSkippingSink<Inner: ArchiveMemberSink>: ArchiveMemberSink {
    var inner: Inner
    private var skipping = false

    init(_ inner: Inner) { self.inner = inner }

    static func isMetadata(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return path.hasPrefix("__MACOSX/") || name.hasPrefix("._") || name == ".DS_Store"
    }

    mutating func begin(_ path: String) throws {
        skipping = Self.isMetadata(path)
        if !skipping { try inner.begin(path) }
    }

    mutating func write(_ chunk: UnsafeRawBufferPointer) throws {
        if !skipping { try inner.write(chunk) }
    }

    mutating func end() throws {
        if !skipping { try inner.end() }
    }
}
