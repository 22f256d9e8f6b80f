import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension DirectoryBlobStore {
    /// Where uploads are spooled: inside the blob store, on its file system, so an accepted upload is renamed
    /// into place and never copied.
    public var incoming: URL { root.appendingPathComponent("incoming") }

    /// A fresh, exclusive file in `incoming` for an upload to be written to.
    public func newIncomingFile() throws -> URL {
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        return incoming.appendingPathComponent("\(UUID().uuidString).upload")
    }

    /// Stores a finished file under its digest by flushing it and renaming it into place: the upload's one write is
    /// its only write. The file must be in `incoming`. An existing blob is kept and the file removed, so storing the
    /// same bytes twice is harmless.
    public func adopt(_ file: URL, digest: String) throws {
        let destination = url(for: digest)
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: destination.path) {
            unlink(file.path)
            return
        }
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else { throw StoreError.io(path: file.lastPathComponent, operation: "open", code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.io(path: file.lastPathComponent, operation: "fsync", code: errno) }
        guard rename(file.path, destination.path) == 0 else {
            throw StoreError.io(path: destination.path, operation: "rename", code: errno)
        }
        try DurableFile.syncFolder(folder)
    }

    /// Removes spooled uploads a crash left behind: none was acknowledged (a submission row is written only after its
    /// file is renamed out of `incoming`), so they are litter. Only files untouched for `abandonedAfter` are removed:
    /// on shared storage `incoming` is every server's, and a younger file may be another live server's upload in
    /// progress, which a restarting server must not cut short. Returns how many were removed.
    @discardableResult
    public func removeAbandonedUploads() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: incoming.path)) ?? []
        return names.map { incoming.appendingPathComponent($0) }.filter { Self.isAbandoned($0) && unlink($0.path) == 0 }.count
    }

    /// How long a temporary file must lie untouched before it is taken for a crash's litter rather than a write in
    /// progress (in this process or, on shared storage, another machine's).
    public static let abandonedAfter: TimeInterval = 3600

    /// Whether the file was last modified at least `abandonedAfter` ago.
    static func isAbandoned(_ file: URL, now: Date = Date()) -> Bool {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return false }
        return now.timeIntervalSince1970 - TimeInterval(info.st_mtim.tv_sec) >= abandonedAfter
    }
}
