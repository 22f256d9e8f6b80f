import Foundation
import Hummingbird
import Intake
import NIOCore
import Store

#if canImport(Glibc)
import Glibc
#endif

/// Streams request bodies into the blob store's `incoming` folder, refusing a body as soon as it passes its limit, so
/// an upload never sits in memory and a hostile one never fills the disk. On the upload threads, a form is then taken
/// apart a megabyte at a time into a file of its own, and the file is digested; the intake validates it where it lies
/// and renames it into the blob store if it is accepted, so a raw upload is written once and a form's file twice.
struct UploadSpool: Sendable {
    let blobs: any BlobStore

    init(blobs: any BlobStore) throws {
        self.blobs = blobs
        // Left by a server killed mid-upload: never acknowledged, so never part of any submission.
        blobs.removeAbandonedUploads()
    }

    /// A body as it came in, written to a file in `incoming` and nothing more: taking a form apart and digesting are
    /// CPU work, left to `finish` on the upload threads so the request's own task only moves bytes to the disk.
    struct RawBody: Sendable {
        let url: URL
        let byteCount: Int

        func discard() { unlink(url.path) }
    }

    /// What came in: the file (to be discarded by the caller unless the intake adopts it) and a form's file name.
    struct Received: Sendable {
        let file: UploadedFile
        let formFileName: String?
        /// A form's text fields sent before its file (a page's CSRF token).
        let fields: [String: String]
    }

    /// Writes the body to a fresh file in `incoming`, refusing it once past `limit`.
    func receive(_ body: RequestBody, limit: Int) async throws -> RawBody {
        let url = try blobs.newIncomingFile()
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw UploadError.spool(path: url.lastPathComponent, errno: errno) }
        do {
            defer { close(descriptor) }
            var received = 0
            for try await buffer in body {
                received += buffer.readableBytes
                guard received <= limit else { throw UploadError.tooLarge(limit: limit) }
                try buffer.withUnsafeReadableBytes { try SpoolFile.writeAll($0, to: descriptor, name: url.lastPathComponent) }
            }
            return RawBody(url: url, byteCount: received)
        } catch {
            unlink(url.path)
            throw error
        }
    }

    /// The upload's file: the raw body itself, digested, or (with a `boundary`) the form's file part, streamed from
    /// the body's file into a new one a megabyte at a time. Blocking: run it on the upload threads. The raw body's
    /// file is gone afterwards unless it is the upload.
    func finish(_ raw: RawBody, boundary: String?) throws -> Received {
        guard let boundary else {
            return Received(file: UploadedFile(url: raw.url, byteCount: raw.byteCount, sha256: try ContentDigest.sha256(ofFile: raw.url)),
                            formFileName: nil, fields: [:])
        }
        defer { raw.discard() }
        let url = try blobs.newIncomingFile()
        let output = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw UploadError.spool(path: url.lastPathComponent, errno: errno) }
        do {
            defer { close(output) }
            let input = open(raw.url.path, O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { throw UploadError.spool(path: raw.url.lastPathComponent, errno: errno) }
            defer { close(input) }
            var form = try MultipartStream(boundary: boundary)
            var sink = SpoolFile(descriptor: output, name: url.lastPathComponent)
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress!, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw UploadError.spool(path: raw.url.lastPathComponent, errno: errno) }
                if count == 0 { break }
                try buffer.withUnsafeBytes { try form.feed(UnsafeRawBufferPointer(rebasing: $0[..<count]), into: &sink) }
            }
            let name = try form.finish()
            return Received(file: UploadedFile(url: url, byteCount: sink.count, sha256: sink.digest.finish()), formFileName: name,
                            fields: form.fields)
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
        try Self.writeAll(bytes, to: descriptor, name: name)
        digest.update(bytes)
        count += bytes.count
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw UploadError.spool(path: name, errno: errno) }
            offset += written
        }
    }
}

/// Why an upload could not be received.
enum UploadError: Error {
    case tooLarge(limit: Int)
    case spool(path: String, errno: Int32)
}
