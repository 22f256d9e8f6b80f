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
    /// file is renamed out of `incoming`), so they are litter. Returns how many were removed.
    @discardableResult
    public func removeAbandonedUploads() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: incoming.path)) ?? []
        return names.filter { unlink(incoming.appendingPathComponent($0).path) == 0 }.count
    }
}
