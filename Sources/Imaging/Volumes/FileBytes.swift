import Foundation

/// Whole-file reads straight into a byte array (one copy, no Data bridging).
public enum FileBytes {
    /// The bytes of a regular file, or its first `maximum` bytes; a failure names the file and says why (as a
    /// `VolumeError` of kind `unreadable`).
    public static func read(_ path: String, upTo maximum: Int = .max) throws(VolumeError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw VolumeError(.unreadable, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw VolumeError(.unreadable, file: path, "cannot stat: \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw VolumeError(.unreadable, file: path, "not a regular file")
        }
        let size = min(Int(status.st_size), maximum)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { failure = count < 0 ? errno : 0; break }
                initialized += count
            }
        }
        guard bytes.count == size else {
            let reason = failure == 0 ? "file shrank while being read" : String(cString: strerror(failure))
            throw VolumeError(.unreadable, file: path, byteOffset: bytes.count, "read failed: \(reason)")
        }
        return bytes
    }

    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }
}
