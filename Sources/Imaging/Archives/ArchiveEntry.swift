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
        if let member { location += ", member \(member)" }
        if let byteOffset { location += ", byte \(byteOffset)" }
        return "\(location): \(message)"
    }
}

/// Unpacks zip, tar and gzipped tar uploads into memory, refusing anything that would expand past a budget.
public enum Archive {
    /// True when the bytes start like a zip, tar or gzip stream.
    public static func isArchive(_ bytes: [UInt8], name: String) -> Bool {
        let lower = name.lowercased()
        return [".zip", ".tar", ".tar.gz", ".tgz"].contains(where: lower.hasSuffix)
            || ZipArchive.looksLikeZip(bytes) || TarArchive.looksLikeTar(bytes)
    }

    /// The regular files of an archive (directories, links and metadata files such as `__MACOSX/` skipped).
    public static func entries(_ bytes: [UInt8], name: String, maximumBytes: Int = 4 << 30) throws(ArchiveError) -> [ArchiveEntry] {
        let all: [ArchiveEntry]
        if ZipArchive.looksLikeZip(bytes) {
            all = try ZipArchive.entries(bytes, name: name, maximumBytes: maximumBytes)
        } else if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            all = try TarArchive.entries(gunzippedTar(bytes, name: name, maximumBytes: maximumBytes), name: name)
        } else if TarArchive.looksLikeTar(bytes) {
            all = try TarArchive.entries(bytes, name: name)
        } else {
            throw ArchiveError(archive: name, byteOffset: 0, "neither a zip nor a tar archive")
        }
        return all.filter { !$0.path.hasPrefix("__MACOSX/") && !$0.name.hasPrefix("._") && $0.name != ".DS_Store" }
    }

    /// A .tar.gz does not state its expanded size up front; expand in growing steps up to the budget.
    private static func gunzippedTar(_ bytes: [UInt8], name: String, maximumBytes: Int) throws(ArchiveError) -> [UInt8] {
        var size = max(bytes.count * 4, 1 << 20)
        while true {
            do {
                return try Deflate.gunzipUpTo(bytes, limit: min(size, maximumBytes))
            } catch .expandsPastDeclaredSize {
                guard size < maximumBytes else {
                    throw ArchiveError(archive: name, "expands past the \(maximumBytes)-byte limit")
                }
                size = min(size * 4, maximumBytes)
            } catch {
                throw ArchiveError(archive: name, "gzip stream: \(error)")
            }
        }
    }
}
