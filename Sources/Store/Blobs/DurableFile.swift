import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically and durably: temporary file, fsync, rename, fsync of the folder.
public enum DurableFile {
    public static func write(_ bytes: [UInt8], to destination: URL) throws {
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).partial")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw StoreError.io(path: temporary.path, operation: "create", code: errno) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            guard result > 0 else {
                let code = errno
                close(descriptor)
                unlink(temporary.path)
                throw StoreError.io(path: temporary.path, operation: "write", code: code)
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            let code = errno
            close(descriptor)
            unlink(temporary.path)
            throw StoreError.io(path: temporary.path, operation: "fsync", code: code)
        }
        close(descriptor)
        guard rename(temporary.path, destination.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw StoreError.io(path: destination.path, operation: "rename", code: code)
        }
        try syncFolder(folder)
    }

    /// Flushes a folder's entries so a rename in it survives a power cut.
    public static func syncFolder(_ folder: URL) throws {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw StoreError.io(path: folder.path, operation: "open", code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.io(path: folder.path, operation: "fsync", code: errno) }
    }
}
