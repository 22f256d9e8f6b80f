import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension BlobStore {
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

    /// Lowercase hex SHA-256 of a file, read a megabyte at a time.
    public static func digest(ofFile file: URL) throws -> String {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else { throw StoreError.io(path: file.lastPathComponent, operation: "open", code: errno) }
        defer { close(descriptor) }
        var hasher = IncrementalDigest()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw StoreError.io(path: file.lastPathComponent, operation: "read", code: errno) }
            if count == 0 { return hasher.finish() }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }
}

/// SHA-256 fed piece by piece (an upload as it streams in), giving the blob store's lowercase hex digest.
public struct IncrementalDigest {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    public func finish() -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in hasher.finalize() {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
