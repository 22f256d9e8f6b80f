import Foundation

/// A private folder (mode 0700) under the system's temporary directory, removed with everything in it when the
/// last reference goes: the one helper for scratch space holding uploads, unpacked archives and truth files.
public final class TemporaryFolder: Sendable {
    public let path: String

    /// A new folder named `prefix-<UUID>` in `parent` (the system's temporary directory by default).
    public init(prefix: String, in parent: String? = nil) throws {
        path = (parent ?? FileManager.default.temporaryDirectory.path) + "/\(prefix)-\(UUID().uuidString)"
        // mkdtemp-like: the folder must be new, and private from the moment it exists.
        guard mkdir(path, 0o700) == 0 else {
            throw CaseFilesError(path: prefix, "cannot create a private temporary folder: \(String(cString: strerror(errno)))")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file into the folder under a name stripped of any directory part.
    @discardableResult
    public func write(_ bytes: [UInt8], name: String) throws -> String {
        let safeName = String(name.split(separator: "/").last ?? "file").replacingOccurrences(of: "..", with: "_")
        let file = path + "/" + safeName
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes a new file at `relativePath` (a canonical archive path: no `..`, not absolute), creating its
    /// folders privately; an existing file or link there is an error, never followed or overwritten.
    @discardableResult
    public func write(_ bytes: [UInt8], at relativePath: String) throws -> String {
        let parts = relativePath.split(separator: "/")
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw CaseFilesError(path: relativePath, "not a path inside the folder")
        }
        var folder = path
        for part in parts.dropLast() {
            folder += "/" + part
            guard mkdir(folder, 0o700) == 0 || (errno == EEXIST && Self.isFolder(folder)) else {
                throw CaseFilesError(path: relativePath, "cannot create its folder")
            }
        }
        let file = folder + "/" + parts.last!
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CaseFilesError(path: relativePath, "cannot create the file") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw CaseFilesError(path: relativePath, "cannot write the file") }
            written += count
        }
        return file
    }

    /// A real folder (not a link to one).
    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
