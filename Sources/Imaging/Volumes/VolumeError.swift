
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
    /// The file as the caller named it.
    public let file: String
    /// The header field concerned (`dim[3]`, `ElementType`…), when there is one.
    public let field: String?
    /// Byte offset in the file (or in the decompressed stream, as the message says).
    public let byteOffset: Int?
    public let message: String

    public init(_ kind: Kind, file: String, field: String? = nil, byteOffset: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.field = field
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String {
        var location = file
        if let field { location += ", field \(field)" }
        if let byteOffset { location += ", byte \(byteOffset)" }
        return "\(location): \(message)"
    }
}
