/// Where a zip's central directory lies and how many members it lists, from the end record (or the zip64 end
/// record when a locator points at one), cross-checked against the file so no member can be silently dropped.
struct ZipDirectory {
    /// Members the end record declares.
    let count: Int
    /// Where the central directory starts and how many bytes it takes.
    let offset: Int
    let size: Int

    init(_ reader: EndianBytes, archive: String) throws(ArchiveError) {
        let record = try Self.endRecord(reader, archive: archive)
        func refuse(_ at: Int, _ message: String) -> ArchiveError { ArchiveError(archive: archive, byteOffset: at, message) }
        let end: Int
        if record >= 20, reader.integer(UInt32.self, at: record - 20) == 0x0706_4B50 {
            let located = reader.integer(UInt64.self, at: record - 12)
            guard let at = Int(exactly: located), at <= record - 20 - 56, reader.integer(UInt32.self, at: at) == 0x0606_4B50 else {
                throw refuse(record - 20, "the zip64 locator points at \(located), where there is no zip64 end record")
            }
            guard reader.integer(UInt32.self, at: at + 16) == 0, reader.integer(UInt32.self, at: at + 20) == 0,
                  reader.integer(UInt64.self, at: at + 24) == reader.integer(UInt64.self, at: at + 32) else {
                throw refuse(at, "a multi-part (spanned) zip: upload it as one archive")
            }
            (count, size, offset) = try Self.fields64(reader, at: at, archive: archive)
            end = at
        } else {
            guard reader.integer(UInt16.self, at: record + 4) == 0, reader.integer(UInt16.self, at: record + 6) == 0,
                  reader.integer(UInt16.self, at: record + 8) == reader.integer(UInt16.self, at: record + 10) else {
                throw refuse(record, "a multi-part (spanned) zip: upload it as one archive")
            }
            count = Int(reader.integer(UInt16.self, at: record + 10))
            size = Int(reader.integer(UInt32.self, at: record + 12))
            offset = Int(reader.integer(UInt32.self, at: record + 16))
            end = record
        }
        guard offset <= end, size == end - offset else {
            throw refuse(record, "the end record places the central directory at bytes \(offset) to \(offset &+ size), "
                + "but it must end where the end record begins (byte \(end))")
        }
        guard count <= size / 46 else {
            throw refuse(record, "the end record declares \(count) members, more than a \(size)-byte central directory can hold")
        }
    }

    private static func fields64(_ reader: EndianBytes, at: Int, archive: String) throws(ArchiveError) -> (Int, Int, Int) {
        let values = [32, 40, 48].map { reader.integer(UInt64.self, at: at + $0) }
        guard let count = Int(exactly: values[0]), let size = Int(exactly: values[1]), let offset = Int(exactly: values[2]) else {
            throw ArchiveError(archive: archive, byteOffset: at, "the zip64 end record holds sizes past 2^63: \(values)")
        }
        return (count, size, offset)
    }

    /// The end-of-central-directory record: 22 bytes plus a comment of at most 65,535 bytes, at the very end.
    private static func endRecord(_ reader: EndianBytes, archive: String) throws(ArchiveError) -> Int {
        let bytes = reader.bytes
        var position = bytes.count - 22
        let earliest = max(0, bytes.count - 22 - 65_535)
        while position >= earliest {
            if reader.integer(UInt32.self, at: position) == 0x0605_4B50,
               position + 22 + Int(reader.integer(UInt16.self, at: position + 20)) <= bytes.count {
                return position
            }
            position -= 1
        }
        throw ArchiveError(archive: archive, byteOffset: bytes.count, "no end-of-central-directory record: the zip is truncated or not a zip")
    }
}
