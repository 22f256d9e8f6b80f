import Foundation
import Hummingbird
import Intake
import NIOCore
import Store

#if canImport(Glibc)
import Glibc
#endif

/// Streams request bodies into the blob store's `incoming` folder, refusing a body as soon as it passes its limit, so
/// an upload never sits in memory and a hostile one never fills the disk. A form is taken apart as it arrives and
/// only its file part is written. The file is digested as it is written; the intake validates it where it lies and
/// renames it into the blob store if it is accepted, so an accepted upload is written once.
struct UploadSpool: Sendable {
    let blobs: BlobStore

    init(blobs: BlobStore) throws {
        self.blobs = blobs
        try FileManager.default.createDirectory(at: blobs.incoming, withIntermediateDirectories: true)
        // Left by a server killed mid-upload: never acknowledged, so never part of any submission.
        blobs.removeAbandonedUploads()
    }

    /// What came in: the file (to be discarded by the caller unless the intake adopts it), the body's size, and a
    /// form's file name.
    struct Received: Sendable {
        let file: UploadedFile
        let bodyBytes: Int
        let formFileName: String?
    }

    /// Writes the body (or, with a `boundary`, the file part of the form) to a fresh file in `incoming`.
    func receive(_ body: RequestBody, limit: Int, boundary: String?) async throws -> Received {
        let url = try blobs.newIncomingFile()
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw UploadError.spool(path: url.lastPathComponent, errno: errno) }
        var sink = SpoolFile(descriptor: descriptor, name: url.lastPathComponent)
        do {
            defer { close(descriptor) }
            var form = try boundary.map(MultipartStream.init(boundary:))
            var received = 0
            for try await buffer in body {
                received += buffer.readableBytes
                guard received <= limit else { throw UploadError.tooLarge(limit: limit) }
                try buffer.withUnsafeReadableBytes { bytes in
                    if form != nil { try form!.feed(bytes, into: &sink) } else { try sink.write(bytes) }
                }
            }
            let formFileName = try form?.finish()
            return Received(file: UploadedFile(url: url, byteCount: sink.count, sha256: sink.digest.finish()),
                            bodyBytes: received, formFileName: formFileName)
        } catch {
            unlink(url.path)
            throw error
        }
    }
}

/// The spool file: written in place, digested as it goes, and emptied if a form's later part replaces the file.
private struct SpoolFile: FilePartSink {
    let descriptor: Int32
    let name: String
    var digest = IncrementalDigest()
    var count = 0

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    mutating func restart() throws {
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw UploadError.spool(path: name, errno: errno)
        }
        (digest, count) = (IncrementalDigest(), 0)
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw UploadError.spool(path: name, errno: errno) }
            offset += written
        }
        digest.update(bytes)
        count += bytes.count
    }
}

/// Why an upload could not be received.
enum UploadError: Error {
    case tooLarge(limit: Int)
    case spool(path: String, errno: Int32)
}
