import Foundation

/// Content-addressed files in a local (or shared) directory, under `sha256/ab/cd/<hex>`: every uploaded file is kept
/// byte for byte, written to a temporary name, flushed, renamed and its folder flushed before anything refers to it.
public struct DirectoryBlobStore: BlobStore {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func url(for digest: String) -> URL {
        let a = digest.prefix(2)
        let b = digest.dropFirst(2).prefix(2)
        return root.appendingPathComponent("sha256/\(a)/\(b)/\(digest)")
    }

    /// Stores the bytes (once: an existing blob is left alone) and returns their digest.
    /// The file is written to a temporary name, flushed, renamed and the folder flushed,
    /// so a crash leaves either the whole blob or none.
    @discardableResult
    public func put(_ bytes: [UInt8]) throws -> String {
        let digest = ContentDigest.sha256(bytes)
        let destination = url(for: digest)
        if FileManager.default.fileExists(atPath: destination.path) { return digest }
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try DurableFile.write(bytes, to: destination)
        return digest
    }

    /// Deletes the temporary files of writes a crash interrupted. Nothing refers to a temporary file (a submission
    /// row is written only after its blob's rename), so they are only litter. Only files untouched for
    /// `abandonedAfter` are removed, so a writer running at this moment (here or on another machine sharing the
    /// folder) keeps its file. Returns how many were removed.
    @discardableResult
    public func removeUnfinishedWrites() -> Int {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return 0 }
        var removed = 0
        for case let file as URL in walker where file.lastPathComponent.hasSuffix(".partial") && Self.isAbandoned(file) {
            if (try? FileManager.default.removeItem(at: file)) != nil { removed += 1 }
        }
        return removed
    }

    /// The blob's file, after checking its digest a megabyte at a time: for files read where they lie, never whole.
    public func verifiedFile(_ digest: String) throws -> URL {
        let file = url(for: digest)
        guard try ContentDigest.sha256(ofFile: file) == digest else { throw StoreError.corruptBlob(digest: digest, path: file.path) }
        return file
    }

    public func storedFile(_ digest: String) throws -> URL {
        let file = url(for: digest)
        guard FileManager.default.fileExists(atPath: file.path) else { throw StoreError.io(path: file.path, operation: "open", code: ENOENT) }
        return file
    }

    public func read(_ digest: String) throws -> [UInt8] {
        let data = try Data(contentsOf: url(for: digest))
        let bytes = [UInt8](data)
        guard ContentDigest.sha256(bytes) == digest else {
            throw StoreError.corruptBlob(digest: digest, path: url(for: digest).path)
        }
        return bytes
    }
}
