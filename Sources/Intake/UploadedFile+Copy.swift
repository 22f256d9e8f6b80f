import Foundation
import Store

extension UploadedFile {
    /// A local file copied into the blob store's `incoming` folder a megabyte at a time, digested as it is copied (one
    /// read of the source): how `arbiter submit` hands the intake a file of any size, and how the runner and input
    /// imports store files (then `blobs.adopt(url, digest: sha256)`) without holding them in memory.
    public static func copying(_ path: String, into blobs: any BlobStore) throws -> UploadedFile {
        guard let input = FileHandle(forReadingAtPath: path) else { throw StoreError.io(path: path, operation: "open", code: errno) }
        defer { try? input.close() }
        let target = try blobs.newIncomingFile()
        guard FileManager.default.createFile(atPath: target.path, contents: nil), let output = FileHandle(forWritingAtPath: target.path) else {
            throw StoreError.io(path: target.lastPathComponent, operation: "create", code: errno)
        }
        defer { try? output.close() }
        var digest = IncrementalDigest()
        var count = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { digest.update($0) }
            try output.write(contentsOf: chunk)
            count += chunk.count
        }
        try output.synchronize()
        return UploadedFile(url: target, byteCount: count, sha256: digest.finish())
    }
}
