import Foundation

/// A read-only file descriptor shared by every task reading one slide: `pread` takes an explicit offset and
/// keeps no position, so concurrent reads need no lock. That makes the `@unchecked Sendable` safe.
final class SlideFile: @unchecked Sendable {
    let path: String
    let size: UInt64
    private let descriptor: Int32

    init(path: String) throws(SlideError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SlideError(.io, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw SlideError(.io, file: path, "cannot stat: \(reason)")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw SlideError(.io, file: path, "not a regular file")
        }
        size = UInt64(status.st_size)
    }

    deinit { close(descriptor) }

    /// Reads exactly `count` bytes at `offset` into `buffer`, or throws.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) throws(SlideError) {
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                throw SlideError(.io, file: path, "short read of \(buffer.count) bytes at offset \(offset): \(got < 0 ? String(cString: strerror(errno)) : "end of file")")
            }
            done += got
        }
    }

    /// Reads `count` bytes at `offset` into a new array.
    func read(count: Int, at offset: UInt64) throws(SlideError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        try SlideError.typed { try bytes.withUnsafeMutableBytes { buffer in try read(into: buffer, at: offset) } }
        return bytes
    }
}
