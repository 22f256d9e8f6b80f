import Compression
import Foundation

/// The bytes of an archive, read a range at a time: a file is never loaded whole, so reading an upload of any
/// size takes memory in proportion to the ranges asked for, not to the file.
protocol ArchiveInput {
    /// Bytes in the archive.
    var count: Int { get }
    /// Up to `count` bytes from `offset`; fewer only where the archive ends.
    func read(at offset: Int, count: Int) throws(ArchiveError) -> [UInt8]
}

extension ArchiveInput {
    /// Exactly `count` bytes from `offset` as a little-endian reader, or `missing` when the archive ends first.
    func fields(at offset: Int, count: Int, missing: @autoclosure () -> ArchiveError) throws(ArchiveError) -> EndianBytes {
        guard offset >= 0, offset <= self.count else { throw missing() }
        let bytes = try read(at: offset, count: count)
        guard bytes.count == count else { throw missing() }
        return EndianBytes(bytes: bytes, bigEndian: false)
    }
}

/// An archive held in memory (`Archive.entries`).
struct MemoryArchiveInput: ArchiveInput {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    func read(at offset: Int, count: Int) throws(ArchiveError) -> [UInt8] {
        let start = min(max(offset, 0), bytes.count)
        return Array(bytes[start..<(start + min(max(count, 0), bytes.count - start))])
    }
}

/// An archive in a file, read with `pread` (not mapped: mapped pages once touched count against the process's
/// resident memory). A class so the descriptor is closed exactly once.
final class FileArchiveInput: ArchiveInput {
    let count: Int
    private let descriptor: Int32
    private let archive: String

    /// Opens a regular file; errors call it `archive` (the uploaded name), never `path`.
    init(path: String, archive: String) throws(ArchiveError) {
        self.archive = archive
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ArchiveError(archive: archive, "cannot open the archive: \(String(cString: strerror(errno)))") }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ArchiveError(archive: archive, "not a regular file")
        }
        count = Int(status.st_size)
    }

    deinit { close(descriptor) }

    func read(at offset: Int, count: Int) throws(ArchiveError) -> [UInt8] {
        let wanted = min(max(count, 0), max(self.count - offset, 0))
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            while initialized < wanted {
                let got = pread(descriptor, buffer.baseAddress! + initialized, wanted - initialized, off_t(offset + initialized))
                if got < 0, errno == EINTR { continue }
                if got <= 0 { failure = got < 0 ? errno : 0; break }
                initialized += got
            }
        }
        guard failure == 0 else {
            throw ArchiveError(archive: archive, byteOffset: offset + bytes.count, "cannot read the archive: \(String(cString: strerror(failure)))")
        }
        return bytes
    }
}
