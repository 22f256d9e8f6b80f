import Foundation

/// Proves that a folder can hold a `DirectoryBlobStore`, as `arbiter doctor` reports: that files can be created and
/// flushed in it, and that rename replaces a file whole, within a folder (as `DurableFile` writes) and from one folder
/// to another (as an upload is adopted from `incoming/`).
///
/// On several machines the folder is a network mount, and not every mount keeps POSIX promises: object storage
/// mounted through FUSE copies and deletes on rename, so a reader can see half a file, and such mounts usually refuse
/// hard links too. The check works in a fresh probe folder inside the blob folder (so on the same file system as the
/// blobs) and removes it afterwards, whatever happened.
public struct BlobDirectoryCheck: Sendable {
    /// The blob folder: `--data-dir/blobs`.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Runs every step; throws a `BlobDirectoryProblem` naming the first that failed.
    public func run() throws {
        let probe = BlobDirectoryProbe(folder: root.path)
        try probe.makeFolders(root)
        let scratch = root.appendingPathComponent(".doctor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try probe.makeFolders(scratch.appendingPathComponent("incoming"))
        try checkRenames(in: scratch, probe: probe)
    }

    /// Bytes of different lengths and values, so a stale, torn or mixed read back is told apart from the right one.
    static let first = [UInt8](repeating: 0x61, count: 4096)
    static let second = (0..<10_000).map { UInt8($0 % 251) }

    private func checkRenames(in scratch: URL, probe: BlobDirectoryProbe) throws {
        let blob = scratch.appendingPathComponent("blob")
        let temporary = scratch.appendingPathComponent(".blob.probe-temporary")
        try probe.writeFlushed(Self.first, to: temporary)
        try probe.move(temporary, over: blob, step: "rename within the folder")
        try probe.flushFolder(scratch)
        try probe.expect(blob, holds: Self.first)

        let upload = scratch.appendingPathComponent("incoming/upload")
        try probe.writeFlushed(Self.second, to: upload)
        try probe.move(upload, over: blob, step: "rename over an existing file from another folder")
        try probe.flushFolder(scratch)
        try probe.expect(blob, holds: Self.second)

        let link = scratch.appendingPathComponent("blob.link")
        try probe.hardLink(blob, at: link)
        try probe.expect(link, holds: Self.second)
    }
}
