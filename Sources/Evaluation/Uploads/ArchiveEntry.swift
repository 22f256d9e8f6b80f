import Diagnostics

/// One regular file from an uploaded archive.
public struct ArchiveEntry: Sendable, Equatable {
    /// Path inside the archive, with `/` separators.
    public let path: String
    public let bytes: [UInt8]

    /// The last path component.
    public var name: String { String(path.split(separator: "/").last ?? Substring(path)) }
}

/// Why an archive could not be unpacked, with the member and offset concerned.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The archive's name as `file`, and the member and byte offset when known.
    public let location: SourceLocation
    public let message: String

    public init(archive: String, member: String? = nil, byteOffset: Int? = nil, _ message: String) {
        self.location = SourceLocation(file: archive, member: member, byteOffset: byteOffset)
        self.message = message
    }

    public var archive: String { location.file ?? "" }
    public var member: String? { location.member }
    public var byteOffset: Int? { location.byteOffset }

    public var description: String { location.describing(message) }
}
