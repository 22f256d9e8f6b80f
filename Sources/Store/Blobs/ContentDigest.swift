import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The lowercase hex SHA-256 that names every blob, of bytes in memory or of a file.
public enum ContentDigest {
    public static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = IncrementalDigest()
        Array(bytes).withUnsafeBytes { hasher.update($0) }
        return hasher.finish()
    }

    /// Of a file, read a megabyte at a time.
    public static func sha256(ofFile file: URL) throws -> String {
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
