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

    /// The 32 bytes a digest's 64 hex digits stand for (for headers that carry it in base 64, such as `Repr-Digest`);
    /// nil for text that is not such a digest.
    public static func bytes(ofDigest hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
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
