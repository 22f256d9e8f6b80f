import Diagnostics

/// A volume file that cannot be read, with what went wrong and where.
public struct VolumeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// The file could not be opened or read.
        case unreadable
        /// Not a NIfTI or MetaImage file at all.
        case unrecognised
        /// A header field holds an impossible or inconsistent value.
        case invalidHeader
        /// A valid file using something Arbiter does not read (complex voxels, ASCII data…).
        case unsupported
        /// The file ends before the data the header declares.
        case truncated
        /// The compressed data is damaged, or expands past what the header declares.
        case corruptData
        /// The header declares more data than the configured limit allows.
        case tooLarge
    }

    public let kind: Kind
    /// The file, the header line (MetaImage) or field and the byte offset, when known.
    public let location: SourceLocation
    public let message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, field: String? = nil, byteOffset: Int? = nil, _ message: String) {
        self.kind = kind
        self.location = SourceLocation(file: file, line: line, field: field, byteOffset: byteOffset)
        self.message = message
    }

    /// The file as the caller named it.
    public var file: String { location.file ?? "" }
    /// The header line concerned (MetaImage's text header), when there is one.
    public var line: Int? { location.line }
    /// The header field concerned (`dim[3]`, `ElementType`…), when there is one.
    public var field: String? { location.field }
    /// Byte offset in the file (or in the decompressed stream, as the message says).
    public var byteOffset: Int? { location.byteOffset }

    public var description: String { location.describing(message) }
}
