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
    public let archive: String
    public let member: String?
    public let byteOffset: Int?
    public let message: String

    public init(archive: String, member: String? = nil, byteOffset: Int? = nil, _ message: String) {
        self.archive = archive
        self.member = member
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String {
        var location = archive
        if let member { location += ", member \(Self.printable(member))" }
        if let byteOffset { location += ", byte \(byteOffset)" }
        return "\(location): \(message)"
    }

    /// A member path as it may be shown: control characters (NUL, newlines, escapes) written as `\u{…}`.
    static func printable(_ path: String) -> String {
        path.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
