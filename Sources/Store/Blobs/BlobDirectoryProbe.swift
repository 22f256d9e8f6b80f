import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls of `BlobDirectoryCheck`, each turning a failure into a `BlobDirectoryProblem` with its `errno`.
struct BlobDirectoryProbe {
    /// The blob folder being checked, for the problem's message.
    let folder: String

    private func problem(_ step: String, _ path: URL, code: Int32? = errno, detail: String? = nil) -> BlobDirectoryProblem {
        BlobDirectoryProblem(folder: folder, step: step, path: path.path, code: code, detail: detail)
    }

    /// Creates the folder and any missing parents, with the `errno` of the one that could not be made.
    func makeFolders(_ url: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw problem("create folder", url, code: ENOTDIR) }
            return
        }
        let parent = url.deletingLastPathComponent()
        if parent.path != url.path { try makeFolders(parent) }
        guard mkdir(url.path, 0o755) == 0 || errno == EEXIST else { throw problem("create folder", url) }
    }

    /// Creates a new file with the bytes and flushes it to storage.
    func writeFlushed(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw problem("create", url) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        guard written >= 0 else { throw problem("write", url) }
        guard written == bytes.count else {
            throw problem("write", url, code: nil, detail: "wrote \(written) of \(bytes.count) bytes")
        }
        guard fsync(descriptor) == 0 else { throw problem("fsync", url) }
    }

    func move(_ source: URL, over destination: URL, step: String) throws {
        guard rename(source.path, destination.path) == 0 else { throw problem(step, destination) }
        guard access(source.path, F_OK) != 0 else {
            throw problem(step, source, code: nil, detail: "the renamed file is still there under its old name")
        }
    }

    /// Flushes the folder's entries, as `DurableFile` does after every rename.
    func flushFolder(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw problem("open folder", url) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw problem("fsync folder", url) }
    }

    func hardLink(_ source: URL, at destination: URL) throws {
        guard link(source.path, destination.path) == 0 else { throw problem("hard link", destination) }
    }

    /// Reads the file back and checks it holds exactly these bytes.
    func expect(_ url: URL, holds expected: [UInt8]) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw problem("open for reading", url) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            guard count >= 0 else { throw problem("read back", url) }
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        guard bytes == expected else {
            let detail = "read \(bytes.count) bytes that are not the \(expected.count) just written"
            throw problem("read back", url, code: nil, detail: detail)
        }
    }
}
