import Foundation

/// A read-only memory map of a whole file, for inputs that are only decompressed: mapping skips the
/// copy a read would make (tens of milliseconds for a large `.nii.gz`). Unmapped when released.
final class MappedFile {
    let path: String
    private let base: UnsafeMutableRawPointer?
    let count: Int

    init(path: String) throws(VolumeError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw VolumeError(.unreadable, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw VolumeError(.unreadable, file: path, "not a regular file")
        }
        self.path = path
        self.count = Int(status.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        let mapping = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0)
        guard let mapping, mapping != MAP_FAILED else {
            throw VolumeError(.unreadable, file: path, "cannot map: \(String(cString: strerror(errno)))")
        }
        base = mapping
    }

    deinit {
        if let base { munmap(base, count) }
    }

    func withUnsafeBytes<Result, Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A copy of the first bytes, for sniffing and header parsing.
    func prefix(_ length: Int) -> [UInt8] {
        withUnsafeBytes { Array($0.prefix(length)) }
    }
}
