import Foundation

/// One item of a challenge's data page: a link the organiser hosts elsewhere, or a file from the challenge folder that
/// the platform serves itself.
public struct DataEntry: Sendable, Equatable, Codable {
    public enum Source: Sendable, Equatable, Codable {
        /// An `http(s)` address, shown as it is.
        case link(String)
        /// A path inside the challenge folder (no `..`, not absolute), copied into the store when the challenge is
        /// registered.
        case file(String)
    }

    /// What the data page calls it, and the last part of its download path: unique within a challenge.
    public let name: String
    public let source: Source
    /// The organiser's SHA-256 of a linked file, shown so a participant can check the download; a served file's
    /// digest is computed when it is stored.
    public let sha256: String?
    public let description: String

    public init(name: String, source: Source, sha256: String? = nil, description: String = "") {
        self.name = name
        self.source = source
        self.sha256 = sha256
        self.description = description
    }

    /// A name that is safe as one path segment and a file name: letters, digits, `.`, `_`, `-`, not starting with `.`.
    public static func isValidName(_ name: String) -> Bool {
        name.range(of: #"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"#, options: .regularExpression) != nil
    }

    /// A relative path that stays inside the folder it is read from.
    public static func isContainedPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\") && path.utf8.count <= 512
            && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
