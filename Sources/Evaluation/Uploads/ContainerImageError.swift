import Diagnostics

/// Why a container image archive was refused: the file as the participant named it, where (the byte offset of the
/// tar member header concerned, when known) and why, with the offending value.
public struct ContainerImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The uploaded file's name, never a server-side path.
    public let file: String
    /// Offset in the tar stream (after gzip expansion) of the member header concerned; for a damaged gzip stream,
    /// the compressed byte where it failed.
    public let byteOffset: Int64?
    /// What is wrong and why, with the offending value.
    public let message: String

    /// An error about `file` (the uploaded name), at `byteOffset` when known.
    public init(file: String, byteOffset: Int64? = nil, _ message: String) {
        self.file = file
        self.byteOffset = byteOffset
        self.message = message
    }

    /// `image.tar.gz: byte 1536: manifest.json is 3 MiB, over the 1 MiB budget for an image document`.
    public var description: String {
        let place = byteOffset.map { "byte \($0): " } ?? ""
        return "\(SourceLocation.printable(file)): \(place)\(message)"
    }

    /// A tar or gzip reader's error in these terms; a member cut off by the end of the archive is called truncated.
    init(_ error: ArchiveError) {
        let offset = error.byteOffset.map(Int64.init)
        switch error.member {
        case let member? where error.message == "member data runs past the end of the archive":
            self.init(file: error.archive, byteOffset: offset,
                      "truncated: the archive ends inside member \"\(SourceLocation.printable(member))\" at byte \(offset ?? 0)")
        case let member?:
            self.init(file: error.archive, byteOffset: offset, "member \"\(SourceLocation.printable(member))\": \(error.message)")
        case nil where error.message == "the archive ends inside a member header" || error.message.hasPrefix("gzip stream is cut off"):
            self.init(file: error.archive, byteOffset: offset, "truncated: \(error.message)")
        case nil:
            self.init(file: error.archive, byteOffset: offset, error.message)
        }
    }

    /// A byte count for messages: `3 MiB` when it is a whole number of KiB, MiB or GiB, else `1048577 bytes`.
    static func size(_ bytes: some BinaryInteger) -> String {
        for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes > 0 && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
