import Compression
/// One central-directory entry of a zip, with its zip64 sizes resolved and its local header checked.
struct ZipMember {
    var path: String
    let isFolder: Bool
    let method: Int
    let crc: UInt32
    let compressedSize: Int
    let size: Int
    /// Where the member's local header starts, where its data starts, and where its central entry is.
    let localHeader: Int
    private(set) var dataStart = 0
    /// Whether the local header names the member as the central directory does.
    private(set) var localNameMatches = false
    let directoryEntry: Int
    /// Bytes the central entry takes (to find the next one).
    let entryLength: Int
    private let rawName: [UInt8]

    /// Reads the entry at `offset` (its 46 fixed bytes, then its name, extra fields and comment).
    init(_ input: some ArchiveInput, at offset: Int, directoryEnd: Int, archive: String) throws(ArchiveError) {
        let expected = ArchiveError(archive: archive, byteOffset: offset, "central directory entry expected")
        guard offset + 46 <= directoryEnd else { throw expected }
        let fixed = try input.fields(at: offset, count: 46, missing: expected)
        guard fixed.integer(UInt32.self, at: 0) == 0x0201_4B50 else { throw expected }
        let nameLength = Int(fixed.integer(UInt16.self, at: 28))
        let extraLength = Int(fixed.integer(UInt16.self, at: 30))
        entryLength = 46 + nameLength + extraLength + Int(fixed.integer(UInt16.self, at: 32))
        guard offset + entryLength <= directoryEnd else {
            throw ArchiveError(archive: archive, byteOffset: offset, "central directory entry runs past the end of the central directory")
        }
        let variable = try input.fields(at: offset + 46, count: nameLength + extraLength, missing: expected).bytes
        directoryEntry = offset
        rawName = Array(variable[0..<nameLength])
        let name = String(decoding: rawName, as: UTF8.self)
        method = Int(fixed.integer(UInt16.self, at: 10))
        crc = fixed.integer(UInt32.self, at: 16)
        var zip64 = try ZipExtraField.zip64Values(variable[nameLength...], archive: archive, member: name, at: offset)
        let stored = (size: fixed.integer(UInt32.self, at: 24), compressed: fixed.integer(UInt32.self, at: 20),
                      local: fixed.integer(UInt32.self, at: 42))
        func wide(_ value: UInt32, _ field: String) throws(ArchiveError) -> Int {
            guard value == 0xFFFF_FFFF else { return Int(value) }
            guard !zip64.isEmpty, let wide = Int(exactly: zip64.removeFirst()) else {
                throw ArchiveError(archive: archive, member: name, byteOffset: offset, "\(field) needs a zip64 extra field that is missing or past 2^63")
            }
            return wide
        }
        size = try wide(stored.size, "the size")
        compressedSize = try wide(stored.compressed, "the compressed size")
        localHeader = try wide(stored.local, "the local header offset")
        isFolder = name.hasSuffix("/") || name.hasSuffix("\\")
        path = name
        try refuseSpecial(fixed, at: offset, archive: archive)
    }

    /// Links (a Unix mode in the external attributes), devices and encrypted members are refused.
    private func refuseSpecial(_ fixed: EndianBytes, at offset: Int, archive: String) throws(ArchiveError) {
        if fixed.integer(UInt16.self, at: 8) & 1 != 0 {
            throw ArchiveError(archive: archive, member: path, byteOffset: offset, "an encrypted member: upload the archive without a password")
        }
        let host = fixed.integer(UInt16.self, at: 4) >> 8
        guard host == 3 || host == 19 else { return }  // Unix, macOS: the high 16 bits are the file mode
        let type = fixed.integer(UInt32.self, at: 38) >> 16 & 0o170000
        switch type {
        case 0, 0o100000, 0o040000: return
        case 0o120000: throw ArchiveError(archive: archive, member: path, byteOffset: offset, "a symbolic link: only regular files and folders are unpacked")
        default: throw ArchiveError(archive: archive, member: path, byteOffset: offset, "a special file (mode \(String(type, radix: 8))): only regular files and folders are unpacked")
        }
    }

    /// Finds where the data starts from the local header, which must lie before the central directory with
    /// all its data.
    mutating func locateData(_ input: some ArchiveInput, directoryStart: Int, archive: String) throws(ArchiveError) {
        let expected = ArchiveError(archive: archive, member: path, byteOffset: min(localHeader, input.count), "local file header expected")
        guard localHeader <= directoryStart - 30 else { throw expected }
        let header = try input.fields(at: localHeader, count: 30, missing: expected)
        guard header.integer(UInt32.self, at: 0) == 0x0403_4B50 else { throw expected }
        let nameLength = Int(header.integer(UInt16.self, at: 26))
        let start = localHeader + 30 + nameLength + Int(header.integer(UInt16.self, at: 28))
        guard start <= directoryStart else {
            throw ArchiveError(archive: archive, member: path, byteOffset: localHeader, "the local header runs into the central directory")
        }
        localNameMatches = try input.read(at: localHeader + 30, count: nameLength) == rawName
        guard compressedSize <= directoryStart - start else {
            throw ArchiveError(archive: archive, member: path, byteOffset: start, "member data runs into the central directory or past the end of the archive")
        }
        dataStart = start
    }

    /// One past the member's last byte of data.
    var dataEnd: Int { dataStart + compressedSize }
}

/// The extra fields of a central-directory entry.
enum ZipExtraField {
    /// The 64-bit values of the zip64 extra field (id 1), in order: size, compressed size, local header offset.
    static func zip64Values(_ extra: ArraySlice<UInt8>, archive: String, member: String, at offset: Int) throws(ArchiveError) -> [UInt64] {
        let bytes = Array(extra)
        let reader = EndianBytes(bytes: bytes, bigEndian: false)
        var at = 0
        while at + 4 <= bytes.count {
            let id = reader.integer(UInt16.self, at: at)
            let length = Int(reader.integer(UInt16.self, at: at + 2))
            guard at + 4 + length <= bytes.count else {
                throw ArchiveError(archive: archive, member: member, byteOffset: offset, "an extra field runs past the end of its entry")
            }
            if id == 1 { return stride(from: at + 4, to: at + 4 + length - 7, by: 8).map { reader.integer(UInt64.self, at: $0) } }
            at += 4 + length
        }
        return []
    }
}
