/// Reads POSIX (ustar and pax) and GNU tar archives: 512-byte headers, regular files only.
enum TarArchive {
    static func looksLikeTar(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 512 && String(decoding: bytes[257..<262], as: UTF8.self) == "ustar"
    }

    static func entries(_ bytes: [UInt8], name: String) throws(ArchiveError) -> [ArchiveEntry] {
        var entries: [ArchiveEntry] = []
        var offset = 0
        var longName: String?
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<(offset + 512)]
            if header.allSatisfy({ $0 == 0 }) { break }
            try checkChecksum(header, offset: offset, archive: name)
            let type = header[offset + 156]
            let size = try octal(header, at: offset + 124, width: 12, archive: name)
            let dataStart = offset + 512
            guard dataStart + size <= bytes.count else {
                throw ArchiveError(archive: name, byteOffset: bytes.count, "member data runs past the end of the archive")
            }
            let data = Array(bytes[dataStart..<(dataStart + size)])
            let path = longName ?? headerPath(header, offset: offset)
            longName = nil
            switch type {
            case UInt8(ascii: "0"), 0:
                entries.append(ArchiveEntry(path: path, bytes: data))
            case UInt8(ascii: "L"):
                longName = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
            case UInt8(ascii: "x"):
                longName = paxPath(data)
            default:
                break  // directories, links, devices, global pax headers
            }
            offset = dataStart + (size + 511) / 512 * 512
        }
        return entries
    }

    private static func headerPath(_ header: ArraySlice<UInt8>, offset: Int) -> String {
        let name = String(decoding: header[offset..<(offset + 100)].prefix { $0 != 0 }, as: UTF8.self)
        let prefix = String(decoding: header[(offset + 345)..<(offset + 500)].prefix { $0 != 0 }, as: UTF8.self)
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    private static func paxPath(_ data: [UInt8]) -> String? {
        for record in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let space = record.firstIndex(of: " ") else { continue }
            let field = record[record.index(after: space)...]
            if field.hasPrefix("path=") { return String(field.dropFirst(5)) }
        }
        return nil
    }

    private static func octal(_ header: ArraySlice<UInt8>, at offset: Int, width: Int, archive: String) throws(ArchiveError) -> Int {
        let text = String(decoding: header[offset..<(offset + width)].prefix { $0 != 0 && $0 != 0x20 }, as: UTF8.self)
        guard let value = Int(text.isEmpty ? "0" : text, radix: 8), value >= 0 else {
            throw ArchiveError(archive: archive, byteOffset: offset, "size field \"\(text)\" is not an octal number")
        }
        return value
    }

    private static func checkChecksum(_ header: ArraySlice<UInt8>, offset: Int, archive: String) throws(ArchiveError) {
        let stored = try octal(header, at: offset + 148, width: 8, archive: archive)
        var sum = 0
        for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
        guard sum == stored else {
            throw ArchiveError(archive: archive, byteOffset: offset, "header checksum mismatch: not a tar header (or a damaged one)")
        }
    }
}
