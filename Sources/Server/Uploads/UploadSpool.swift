import Foundation
import Hummingbird
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Streams request bodies to files under one folder, refusing a body as soon as it passes its limit, so a
/// large upload never sits in memory and a hostile one never fills the disk. The intake writes the accepted
/// file durably to the blob store; spool files are scratch, removed after each request and at start-up.
struct UploadSpool: Sendable {
    let folder: URL

    init(folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Left by a server killed mid-upload: never acknowledged, so never part of any submission.
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where leftover.hasSuffix(".upload") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(leftover))
        }
    }

    /// Writes the body to a fresh file and returns its bytes (mapped), removing the file when done.
    func receive(_ body: RequestBody, limit: Int) async throws -> [UInt8] {
        let file = folder.appendingPathComponent("\(UUID().uuidString).upload")
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw UploadError.spool(path: file.path, errno: errno)
        }
        defer { unlink(file.path) }
        var received = 0
        do {
            defer { close(descriptor) }
            for try await buffer in body {
                received += buffer.readableBytes
                guard received <= limit else { throw UploadError.tooLarge(limit: limit) }
                try buffer.withUnsafeReadableBytes { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                        guard written > 0 else { throw UploadError.spool(path: file.path, errno: errno) }
                        offset += written
                    }
                }
            }
        }
        guard received > 0 else { return [] }
        return [UInt8](try Data(contentsOf: file, options: .alwaysMapped))
    }
}

/// Why an upload could not be received.
enum UploadError: Error {
    case tooLarge(limit: Int)
    case spool(path: String, errno: Int32)
}
