import Foundation

/// The separate data file a `.mhd` header names, confined to the header's own folder: no absolute path, no
/// `..`, no link leading out. Errors name the header file and the value as written, never a resolved server
/// path, and say the same whether or not a file exists outside the folder.
enum MetaImageDataFile {
    /// The path to read, refusing anything that could leave the header's folder before touching the disk.
    static func resolve(_ name: String, header: MetaImageHeader, headerPath: String) throws(VolumeError) -> String {
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        let absolute = name.hasPrefix("/") || name.hasPrefix("\\") || name.hasPrefix("~") || name.dropFirst().hasPrefix(":")
        guard !absolute, !parts.contains(".."), !parts.isEmpty, !name.utf8.contains(0) else {
            throw header.error(.unsupported, "ElementDataFile", file: headerPath,
                               "\"\(name.prefix(200))\": the data file must be named relative to the header's folder, without \"..\"")
        }
        let folder = URL(fileURLWithPath: headerPath).deletingLastPathComponent().path
        return folder + "/" + parts.joined(separator: "/")
    }

    /// The file's bytes, if it is a regular file whose real path lies inside the header's real folder.
    static func read(_ path: String, named name: String, header: MetaImageHeader, headerPath: String) throws(VolumeError) -> [UInt8] {
        let folder = URL(fileURLWithPath: headerPath).deletingLastPathComponent().path
        guard let realFolder = realPath(folder), let realFile = realPath(path), realFile.hasPrefix(realFolder + "/") else {
            throw header.error(.unreadable, "ElementDataFile", file: headerPath, "\"\(name.prefix(200))\": no such data file beside the header")
        }
        do {
            return try FileBytes.read(realFile)
        } catch {
            throw header.error(.unreadable, "ElementDataFile", file: headerPath, "\"\(name.prefix(200))\": the data file cannot be read")
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
