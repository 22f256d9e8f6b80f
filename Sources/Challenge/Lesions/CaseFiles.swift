import Foundation
import Imaging

/// One file per case, found in a file, a folder (searched recursively) or an archive (unpacked to a
/// temporary folder that lives as long as this value), keyed by the case id its name gives.
public final class CaseFiles: Sendable {
    /// Case id to file path.
    public let paths: [String: String]
    /// Every matching file, before case ids were derived (with `keepAll`).
    public let all: [String]
    private let unpacked: String?

    /// Extensions that name a case file; the case id is the name without it (and without a role suffix).
    public static let volumeExtensions = [".nii.gz", ".nii", ".mha", ".mhd"]
    public static let maskExtensions = [".png"]

    /// Collects files with one of `extensions`. When some names end in one of `roles` (such as `_label`),
    /// only those are taken and the suffix is dropped from the case id, so truth and predictions can share a folder.
    public init(_ path: String, extensions: [String], roles: [String], keepAll: Bool = false) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CaseFilesError(path: path, "no such file or folder")
        }
        var root = path
        var unpacked: String?
        var files: [String]
        if isFolder.boolValue {
            files = try Self.listFiles(path)
        } else if Archive.isArchive(Self.head(path), name: path) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-cases-\(UUID().uuidString)").path
            try Self.unpack(path, into: folder)
            unpacked = folder
            root = folder
            files = try Self.listFiles(folder)
        } else {
            files = [path]
        }
        files = files.filter { file in extensions.contains { file.lowercased().hasSuffix($0) } }
        self.all = files
        guard !keepAll else {
            self.paths = [:]
            self.unpacked = unpacked
            return
        }
        let named = files.map { (path: $0, stem: Self.stem(of: $0, extensions: extensions)) }
        let withRole = named.filter { entry in roles.contains { entry.stem.hasSuffix($0) } }
        var paths: [String: String] = [:]
        for entry in withRole.isEmpty ? named : withRole {
            var id = entry.stem
            if let role = roles.first(where: { id.hasSuffix($0) }) { id = String(id.dropLast(role.count)) }
            if let earlier = paths[id] {
                throw CaseFilesError(path: root, "two files for case \"\(id)\": \(earlier) and \(entry.path)")
            }
            paths[id] = entry.path
        }
        self.paths = paths
        self.unpacked = unpacked
    }

    /// A subset of another collection (sharing nothing that needs cleaning up).
    public init(paths: [String: String]) {
        self.paths = paths
        self.all = Array(paths.values)
        self.unpacked = nil
    }

    deinit {
        if let unpacked { try? FileManager.default.removeItem(atPath: unpacked) }
    }

    private static func head(_ path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 512)) ?? Data())
    }

    static func stem(of path: String, extensions: [String]) -> String {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let suffix = extensions.first(where: { name.lowercased().hasSuffix($0) }) else { return name }
        return String(name.dropLast(suffix.count))
    }

    /// Regular files under `folder` (symbolic links to files included), skipping hidden names and `__MACOSX`,
    /// sorted; read with `readdir`, which gives each entry's type without a `stat` per file.
    private static func listFiles(_ folder: String) throws -> [String] {
        var files: [String] = []
        guard collect(folder, into: &files) else { throw CaseFilesError(path: folder, "cannot list the folder") }
        return files.sorted()
    }

    private static func collect(_ folder: String, into files: inout [String]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard !name.hasPrefix("."), name != "__MACOSX" else { continue }
            let path = folder + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): _ = collect(path, into: &files)
            case Int32(DT_REG): files.append(path)
            default:
                // A link (taken if it leads to a regular file), or a file system that does not give the type.
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFREG {
                    files.append(path)
                } else if status.st_mode & S_IFMT == S_IFDIR, Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    _ = collect(path, into: &files)
                }
            }
        }
        return true
    }

    private static func unpack(_ archive: String, into folder: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: archive)))
        let entries = try Archive.entries(bytes, name: archive)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for entry in entries {
            let parts = entry.path.split(separator: "/").filter { $0 != "." }
            guard !parts.contains(where: { $0 == ".." }), !entry.path.hasPrefix("/") else {
                throw CaseFilesError(path: archive, "member \"\(entry.path)\" points outside the archive")
            }
            let target = folder + "/" + parts.joined(separator: "/")
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(entry.bytes).write(to: URL(fileURLWithPath: target))
        }
    }
}

/// A case-file collection that cannot be built.
public struct CaseFilesError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
