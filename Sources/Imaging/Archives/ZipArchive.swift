/// Reads zip archives from their central directory: stored and DEFLATE members, CRC-checked,
/// each expanded to exactly the size the directory declares (no more, whatever the data says).
enum ZipArchive {
    static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && (bytes[2] == 3 || bytes[2] == 5)
    }

    static func entries(_ bytes: [UInt8], name: String, maximumBytes: Int) throws(ArchiveError) -> [ArchiveEntry] {
        let reader = EndianBytes(bytes: bytes, bigEndian: false)
        let end = try endOfCentralDirectory(bytes, name: name)
        let count = reader.integer(UInt16.self, at: end + 10)
        var offset = Int(reader.integer(UInt32.self, at: end + 16))
        var total = 0
        var entries: [ArchiveEntry] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, reader.integer(UInt32.self, at: offset) == 0x0201_4B50 else {
                throw ArchiveError(archive: name, byteOffset: offset, "central directory entry expected")
            }
            let member = try CentralDirectoryEntry(reader, at: offset, archive: name)
            offset += 46 + member.nameLength + member.extraLength + member.commentLength
            guard !member.path.hasSuffix("/") else { continue }
            total += member.size
            guard total <= maximumBytes else {
                throw ArchiveError(archive: name, member: member.path, "members expand past the \(maximumBytes)-byte limit")
            }
            entries.append(ArchiveEntry(path: member.path, bytes: try member.contents(reader, archive: name)))
        }
        return entries
    }

    private static func endOfCentralDirectory(_ bytes: [UInt8], name: String) throws(ArchiveError) -> Int {
        let reader = EndianBytes(bytes: bytes, bigEndian: false)
        // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
        var position = bytes.count - 22
        let earliest = max(0, bytes.count - 22 - 65_535)
        while position >= earliest {
            if reader.integer(UInt32.self, at: position) == 0x0605_4B50 { return position }
            position -= 1
        }
        throw ArchiveError(archive: name, byteOffset: bytes.count, "no end-of-central-directory record: the zip is truncated or not a zip")
    }
}

private struct CentralDirectoryEntry {
    let path: String
    let method: Int
    let crc: UInt32
    let compressedSize: Int
    let size: Int
    let localHeader: Int
    let nameLength: Int
    let extraLength: Int
    let commentLength: Int

    init(_ reader: EndianBytes, at offset: Int, archive: String) throws(ArchiveError) {
        method = Int(reader.integer(UInt16.self, at: offset + 10))
        crc = reader.integer(UInt32.self, at: offset + 16)
        compressedSize = Int(reader.integer(UInt32.self, at: offset + 20))
        size = Int(reader.integer(UInt32.self, at: offset + 24))
        nameLength = Int(reader.integer(UInt16.self, at: offset + 28))
        extraLength = Int(reader.integer(UInt16.self, at: offset + 30))
        commentLength = Int(reader.integer(UInt16.self, at: offset + 32))
        localHeader = Int(reader.integer(UInt32.self, at: offset + 42))
        guard offset + 46 + nameLength <= reader.bytes.count else {
            throw ArchiveError(archive: archive, byteOffset: offset, "central directory entry runs past the end of the file")
        }
        path = String(decoding: reader.bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
        if compressedSize == 0xFFFF_FFFF || size == 0xFFFF_FFFF {
            throw ArchiveError(archive: archive, member: path, "zip64 members are not supported")
        }
    }

    func contents(_ reader: EndianBytes, archive: String) throws(ArchiveError) -> [UInt8] {
        guard localHeader + 30 <= reader.bytes.count, reader.integer(UInt32.self, at: localHeader) == 0x0403_4B50 else {
            throw ArchiveError(archive: archive, member: path, byteOffset: localHeader, "local file header expected")
        }
        let start = localHeader + 30 + Int(reader.integer(UInt16.self, at: localHeader + 26)) + Int(reader.integer(UInt16.self, at: localHeader + 28))
        guard start + compressedSize <= reader.bytes.count else {
            throw ArchiveError(archive: archive, member: path, byteOffset: reader.bytes.count, "member data runs past the end of the archive")
        }
        let data = reader.bytes[start..<(start + compressedSize)]
        let contents: [UInt8]
        switch method {
        case 0:
            contents = Array(data)
        case 8:
            do {
                contents = try Deflate.inflateRaw(data, declaredSize: size)
            } catch {
                throw ArchiveError(archive: archive, member: path, byteOffset: start, "\(error)")
            }
        default:
            throw ArchiveError(archive: archive, member: path, "compression method \(method) is not supported (only stored and deflate)")
        }
        guard Deflate.crc32(contents) == crc else {
            throw ArchiveError(archive: archive, member: path, byteOffset: start, "CRC-32 mismatch: the member is corrupt")
        }
        return contents
    }
}
