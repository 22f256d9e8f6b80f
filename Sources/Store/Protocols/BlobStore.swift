import Foundation

/// Where submitted files and truth files are kept, named by their SHA-256 (`ContentDigest`). Every write is durable
/// before it returns: a row that names a blob is written only after the blob is.
public protocol BlobStore: Sendable {
    /// Stores the bytes (an existing blob is left alone) and returns their digest.
    @discardableResult
    func put(_ bytes: [UInt8]) throws -> String
    /// The blob's bytes, checked against its digest.
    func read(_ digest: String) throws -> [UInt8]
    /// A local file holding the blob, checked against its digest, for readers that work on files in place.
    func verifiedFile(_ digest: String) throws -> URL
    /// The blob's file as stored, not hashed again: for serving large files whose readers check the digest sent with
    /// them. `StoreError.io` when there is no such blob.
    func storedFile(_ digest: String) throws -> URL
    /// A fresh file for an upload to be spooled to, on the blob store's own file system.
    func newIncomingFile() throws -> URL
    /// Stores a finished spooled upload under its digest, by renaming it into place.
    func adopt(_ file: URL, digest: String) throws
    /// Removes uploads a crash left half-spooled; none was acknowledged. Leaves recent ones, which may be uploads in
    /// progress of another server sharing the store. Returns how many.
    @discardableResult
    func removeAbandonedUploads() -> Int
    /// Removes the temporary files of writes a crash interrupted, leaving recent ones (writes in progress). Returns how many.
    @discardableResult
    func removeUnfinishedWrites() -> Int
}
