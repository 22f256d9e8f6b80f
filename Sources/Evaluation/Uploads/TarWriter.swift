import Foundation

/// Writes a POSIX ustar archive (regular files streamed from disk or memory, folders and symbolic links): how the
/// runner gathers a container's per-case outputs into the one prediction archive the phase validates, and how demo
/// images are packed. Written by hand because it is the inverse of `TarArchive` (the reader here) and needs only
/// ustar's plain records; no tar library is linked.
public struct TarWriter {
    private let handle: FileHandle
    private let archive: String

    /// Creates (or truncates) the archive at `path`.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ArchiveError(archive: path, "cannot create the archive")
        }
        self.handle = handle
        self.archive = path
    }

    /// Appends the file at `source` as the member `name`.
    public func append(file source: String, as name: String, mode: Int = 0o644) throws {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw ArchiveError(archive: archive, member: name, "cannot read \(source)")
        }
        defer { try? input.close() }
        let size = try input.seekToEnd()
        try input.seek(toOffset: 0)
        try handle.write(contentsOf: try header(name, size: size, mode: mode, type: "0"))
        var written: UInt64 = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            try handle.write(contentsOf: chunk)
            written += UInt64(chunk.count)
        }
        guard written == size else { throw ArchiveError(archive: archive, member: name, "the file changed while it was archived") }
        try pad(size)
    }

    /// Appends `bytes` as the member `name`.
    public func append(bytes: [UInt8], as name: String, mode: Int = 0o644) throws {
        try handle.write(contentsOf: try header(name, size: UInt64(bytes.count), mode: mode, type: "0"))
        try handle.write(contentsOf: Data(bytes))
        try pad(UInt64(bytes.count))
    }

    public func appendFolder(_ name: String, mode: Int = 0o755) throws {
        try handle.write(contentsOf: try header(name.hasSuffix("/") ? name : name + "/", size: 0, mode: mode, type: "5"))
    }

    public func appendSymlink(_ name: String, target: String) throws {
        try handle.write(contentsOf: try header(name, size: 0, mode: 0o777, type: "2", link: target))
    }

    /// Writes the two zero blocks that end an archive, and closes it.
    public func finish() throws {
        try handle.write(contentsOf: Data(count: 1024))
        try handle.synchronize()
        try handle.close()
    }

    private func pad(_ size: UInt64) throws {
        let padding = (512 - Int(size % 512)) % 512
        if padding > 0 { try handle.write(contentsOf: Data(count: padding)) }
    }

    private func header(_ name: String, size: UInt64, mode: Int, type: Character, link: String = "") throws -> Data {
        let nameBytes = Array(name.utf8), linkBytes = Array(link.utf8)
        guard !nameBytes.isEmpty, nameBytes.count <= 100, linkBytes.count <= 100 else {
            throw ArchiveError(archive: archive, member: name, "names and link targets must be 1 to 100 bytes, got \(nameBytes.count) and \(linkBytes.count)")
        }
        return Self.header(name: nameBytes, size: size, mode: mode, type: type, link: linkBytes)
    }

    static func header(name: [UInt8], size: UInt64, mode: Int = 0o644, type: Character = "0", link: [UInt8] = []) -> Data {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int) { block.replaceSubrange(offset..<offset + bytes.count, with: bytes) }
        func octal(_ value: UInt64, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(name, at: 0)
        put(octal(UInt64(mode), width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(Array(repeating: 0x20, count: 8), at: 148)  // the checksum field counts as spaces while it is summed
        block[156] = type.asciiValue ?? UInt8(ascii: "0")
        put(link, at: 157)
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        let checksum = block.reduce(0) { $0 + UInt64($1) }
        put(octal(checksum, width: 7) + [0x20], at: 148)
        return Data(block)
    }
}
