/// Reads POSIX (ustar and pax) and GNU tar archives: 512-byte headers; regular files kept, folders and metadata
/// passed over, links and devices refused. Every header counts against the budget before its data is read.
enum TarArchive {
    static func looksLikeTar(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 512 && String(decoding: bytes[257..<262], as: UTF8.self) == "ustar"
    }

    /// Largest GNU long-name or pax header read into memory.
    static let maximumMetadataBytes = 1 << 20

    /// Hands each regular file to `sink` as its data is read, a chunk at a time.
    static func unpack(_ source: inout some TarSource, tally: inout ArchiveTally, into sink: inout some ArchiveMemberSink) throws {
        let archive = tally.archive
        var pending = TarPending()
        while true {
            let at = source.offset
            let header = try source.read(512)
            if header.isEmpty || header.allSatisfy({ $0 == 0 }) {
                try source.finish()
                break
            }
            guard header.count == 512 else {
                throw ArchiveError(archive: archive, byteOffset: at, "the archive ends inside a member header")
            }
            try tally.countEntry(at: at)
            let fields = try TarHeader(header, at: at, archive: archive)
            let isMetadata = [UInt8(ascii: "L"), UInt8(ascii: "K"), UInt8(ascii: "x"), UInt8(ascii: "g")].contains(fields.type)
            let size = isMetadata ? fields.size : pending.size ?? fields.size
            let path = isMetadata ? fields.path : pending.path ?? fields.path
            let linkTarget = pending.linkTarget ?? fields.linkTarget
            if !isMetadata { pending = TarPending() }
            try tally.claim(size, member: isMetadata ? fields.path : path, at: at)
            switch fields.type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                let member = try tally.admitPath(path, at: at)
                if try sink.wants(member, size: size, headerOffset: at) {
                    try sink.begin(member)
                    try stream(&source, size: size, member: member, archive: archive, into: &sink)
                    try sink.end()
                } else {
                    try skip(&source, size: size, member: member, archive: archive)
                }
            case UInt8(ascii: "2") where sink.acceptsLinks:
                try sink.link(try tally.admitPath(path, at: at), target: linkTarget, headerOffset: at)
                try skip(&source, size: size, member: path, archive: archive)
            case UInt8(ascii: "5"):
                _ = try tally.admitPath(path, at: at, isFolder: true)
                try skip(&source, size: size, member: path, archive: archive)
            case UInt8(ascii: "L"), UInt8(ascii: "x"):
                guard size <= maximumMetadataBytes else {
                    throw ArchiveError(archive: archive, byteOffset: at, "a \(size)-byte long-name or pax header (at most \(maximumMetadataBytes))")
                }
                let bytes = try data(&source, size: size, member: fields.path, archive: archive)
                pending = fields.type == UInt8(ascii: "L") ? TarPending(longName: bytes) : try TarPending(pax: bytes, at: at, archive: archive)
            case UInt8(ascii: "K"), UInt8(ascii: "g"):
                try skip(&source, size: size, member: fields.path, archive: archive)
            default:
                throw ArchiveError(archive: archive, member: String(path.prefix(200)), byteOffset: at,
                                   "a \(TarHeader.typeName(fields.type)): only regular files and folders are unpacked")
            }
            try skip(&source, size: (512 - size % 512) % 512, member: path, archive: archive)
        }
    }

    /// Copies `size` bytes of member data to the sink in chunks of at most `Archive.chunkBytes`.
    private static func stream(_ source: inout some TarSource, size: Int, member: String, archive: String,
                               into sink: inout some ArchiveMemberSink) throws {
        var left = size
        while left > 0 {
            let start = source.offset
            let want = min(left, Archive.chunkBytes)
            let chunk = try source.read(want)
            guard chunk.count == want else {
                throw ArchiveError(archive: archive, member: member, byteOffset: start + chunk.count, "member data runs past the end of the archive")
            }
            try chunk.withUnsafeBytes { try sink.write($0) }
            left -= want
        }
    }

    private static func data(_ source: inout some TarSource, size: Int, member: String, archive: String) throws(ArchiveError) -> [UInt8] {
        let start = source.offset
        let bytes = try source.read(size)
        guard bytes.count == size else {
            throw ArchiveError(archive: archive, member: member, byteOffset: start + bytes.count, "member data runs past the end of the archive")
        }
        return bytes
    }

    private static func skip(_ source: inout some TarSource, size: Int, member: String, archive: String) throws(ArchiveError) {
        let start = source.offset
        let skipped = try source.skip(size)
        guard skipped == size else {
            throw ArchiveError(archive: archive, member: member, byteOffset: start + skipped, "member data runs past the end of the archive")
        }
    }
}

/// What a GNU long-name or pax extended header says about the member after it.
struct TarPending {
    var path: String?
    var size: Int?
    var linkTarget: String?

    init() {}

    init(longName: [UInt8]) {
        path = String(decoding: longName.prefix { $0 != 0 }, as: UTF8.self)
    }

    init(pax: [UInt8], at offset: Int, archive: String) throws(ArchiveError) {
        for record in String(decoding: pax, as: UTF8.self).split(separator: "\n") {
            guard let space = record.firstIndex(of: " ") else { continue }
            let field = record[record.index(after: space)...]
            if field.hasPrefix("path=") { path = String(field.dropFirst(5)) }
            if field.hasPrefix("linkpath=") { linkTarget = String(field.dropFirst(9)) }
            if field.hasPrefix("size=") {
                guard let value = Int(field.dropFirst(5)), value >= 0 else {
                    throw ArchiveError(archive: archive, byteOffset: offset, "pax size \"\(field.dropFirst(5).prefix(40))\" is not a byte count")
                }
                size = value
            }
        }
    }
}
