import Foundation
import Store

/// An upload already on disk in the blob store's `incoming` folder, with its size and digest taken while it streamed
/// in. The intake validates it where it lies and, when it is accepted, renames it into the blob store: one write,
/// no copy in memory. A refused or dry-run file is removed.
public struct UploadedFile: Sendable {
    public let url: URL
    public let byteCount: Int
    public let sha256: String

    public init(url: URL, byteCount: Int, sha256: String) {
        self.url = url
        self.byteCount = byteCount
        self.sha256 = sha256
    }

    /// Removes the file unless it was adopted into the blob store.
    public func discard() {
        unlink(url.path)
    }
}

/// What the intake validates: the bytes of a file held in memory (the CLI's), or an upload spooled to disk.
enum SubmissionContent {
    case bytes([UInt8])
    case file(UploadedFile)

    var byteCount: Int {
        switch self {
        case .bytes(let bytes): bytes.count
        case .file(let file): file.byteCount
        }
    }

    var sha256: String {
        switch self {
        case .bytes(let bytes): ContentDigest.sha256(bytes)
        case .file(let file): file.sha256
        }
    }

    /// The whole file in memory: for CSV phases, whose parsers keep every row anyway; bounded by the phase's limit.
    func bytes() throws -> [UInt8] {
        switch self {
        case .bytes(let bytes): return bytes
        case .file(let file): return [UInt8](try Data(contentsOf: file.url, options: .alwaysMapped))
        }
    }
}
