import Diagnostics
import Foundation
import Imaging

/// One file per case, found in a file, a folder (searched recursively) or an archive (unpacked to a
/// temporary folder that lives as long as this value), keyed by the case id its name gives.
public final class CaseFiles: Sendable {
    /// Case id to file path.
    public let paths: [String: String]
    /// Every matching file, before case ids were derived (with `keepAll`).
    public let all: [String]
    /// The private folder an archive was unpacked into; removed when the last reference goes.
    private let unpacked: TemporaryFolder?

    /// Extensions that name a case file; the case id is the name without it (and without a role suffix).
    public static let volumeExtensions = [".nii.gz", ".nii", ".mha", ".mhd"]
    public static let maskExtensions = [".png"]

    /// Collects files with one of `extensions`. When some names end in one of `roles` (such as `_label`),
    /// only those are taken and the suffix is dropped from the case id, so truth and predictions can share a folder.
    /// An archive is unpacked within `budget` into a private folder (mode 0700) removed with this value, or at
    /// once when unpacking fails. Errors call the file `displayName` (the uploaded file's name; `path` by default),
    /// never the temporary path it was saved to. `scratch` is where the unpacking folder goes (the system's
    /// temporary directory by default).
    public init(_ path: String, extensions: [String], roles: [String], keepAll: Bool = false,
                displayName: String? = nil, budget: ArchiveBudget = .default, scratch: String? = nil) throws {
        let shownName = displayName ?? path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CaseFilesError(path: shownName, "no such file or folder")
        }
        var root = path
        var unpacked: TemporaryFolder?
        var files: [String]
        if isFolder.boolValue {
            files = try Self.listFiles(path)
        } else if Archive.isArchive(Self.head(path), name: shownName) {
            let folder = try Self.unpack(path, displayName: shownName, budget: budget, scratch: scratch)
            unpacked = folder
            root = folder.path
            files = try Self.listFiles(folder.path, shownAs: shownName)
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
                let shown = { (file: String) in unpacked == nil ? file : String(file.dropFirst(root.count + 1)) }
                throw CaseFilesError(path: unpacked == nil ? root : shownName, "two files for case \"\(id)\": \(shown(earlier)) and \(shown(entry.path))")
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
    private static func listFiles(_ folder: String, shownAs shownName: String? = nil) throws -> [String] {
        var files: [String] = []
        guard collect(folder, into: &files) else { throw CaseFilesError(path: shownName ?? folder, "cannot list the folder") }
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

    /// Unpacks an archive into a new private folder, reading it a range at a time and writing each member straight
    /// into its file; on any failure the folder goes with the error.
    /// Unpacks an archive within `budget` into a new private folder (in `scratch`, or the system temporary directory),
    /// removed when the returned value goes; errors call the archive `displayName`.
    public static func unpack(_ archive: String, displayName: String, budget: ArchiveBudget, scratch: String?) throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "arbiter-cases", in: scratch)
        var sink = UnpackingSink(folder: folder.path, displayName: displayName)
        defer { sink.closeOpenFile() }
        try Archive.unpack(file: archive, name: displayName, budget: budget, into: &sink)
        return folder
    }
}

/// Writes each member into a new file under the unpacking folder as its chunks arrive: folders created private
/// (0700), files created with `O_EXCL | O_NOFOLLOW` (an existing file or link there is an error, never followed or
/// overwritten). Errors name the upload and the member, never the temporary path.
private struct UnpackingSink: ArchiveMemberSink {
    let folder: String
    let displayName: String
    private var path = ""
    private var descriptor: Int32 = -1

    init(folder: String, displayName: String) {
        self.folder = folder
        self.displayName = displayName
    }

    mutating func begin(_ path: String) throws {
        closeOpenFile()
        self.path = path
        let parts = path.split(separator: "/")
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else { throw refuse("is not a path inside the folder") }
        var parent = folder
        for part in parts.dropLast() {
            parent += "/" + part
            guard mkdir(parent, 0o700) == 0 || (errno == EEXIST && Self.isFolder(parent)) else {
                throw refuse("cannot be unpacked (a file and a folder of that name?)")
            }
        }
        descriptor = open(parent + "/" + parts.last!, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw refuse("cannot be unpacked (a file and a folder of that name?)") }
    }

    mutating func write(_ chunk: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < chunk.count {
            let count = Foundation.write(descriptor, chunk.baseAddress! + written, chunk.count - written)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw refuse("cannot be written: \(String(cString: strerror(errno)))") }
            written += count
        }
    }

    mutating func end() throws {
        let status = close(descriptor)
        descriptor = -1
        guard status == 0 else { throw refuse("cannot be written: \(String(cString: strerror(errno)))") }
    }

    /// Closes the file of a member that failed part way (the folder is removed with the error).
    mutating func closeOpenFile() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    private func refuse(_ message: String) -> CaseFilesError {
        CaseFilesError(path: displayName, "member \"\(path)\" \(message)")
    }

    /// A real folder (not a link to one).
    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}

/// A case-file collection that cannot be built.
public struct CaseFilesError: Error, Sendable, CustomStringConvertible {
    /// The upload's name (or the folder's) as `file`.
    public let location: SourceLocation
    public let message: String

    init(path: String, line: Int? = nil, _ message: String) {
        self.location = SourceLocation(file: path, line: line)
        self.message = message
    }

    public var path: String { location.file ?? "" }

    public var description: String { location.describing(message) }
}
