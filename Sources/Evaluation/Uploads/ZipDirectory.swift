import Compression
/// Where a zip's central directory lies and how many members it lists, from the end record (or the zip64 end
/// record when a locator points at one), cross-checked against the file so no member can be silently dropped.
struct ZipDirectory {
    /// Members the end record declares.
    let count: Int
    /// Where the central directory starts and how many bytes it takes.
    let offset: Int
    let size: Int

    init(_ input: some ArchiveInput, archive: String) throws(ArchiveError) {
        let (record, end) = try Self.endRecord(input, archive: archive)
        func refuse(_ at: Int, _ message: String) -> ArchiveError { ArchiveError(archive: archive, byteOffset: at, message) }
        let directoryEnd: Int
        let locator = record >= 20 ? try input.fields(at: record - 20, count: 20, missing: refuse(record - 20, "the zip is cut off")) : nil
        if let locator, locator.integer(UInt32.self, at: 0) == 0x0706_4B50 {
            let located = locator.integer(UInt64.self, at: 8)
            let nowhere = refuse(record - 20, "the zip64 locator points at \(located), where there is no zip64 end record")
            guard let at = Int(exactly: located), at <= record - 20 - 56 else { throw nowhere }
            let zip64 = try input.fields(at: at, count: 56, missing: nowhere)
            guard zip64.integer(UInt32.self, at: 0) == 0x0606_4B50 else { throw nowhere }
            guard zip64.integer(UInt32.self, at: 16) == 0, zip64.integer(UInt32.self, at: 20) == 0,
                  zip64.integer(UInt64.self, at: 24) == zip64.integer(UInt64.self, at: 32) else {
                throw refuse(at, "a multi-part (spanned) zip: upload it as one archive")
            }
            (count, size, offset) = try Self.fields64(zip64, at: at, archive: archive)
            directoryEnd = at
        } else {
            guard end.integer(UInt16.self, at: 4) == 0, end.integer(UInt16.self, at: 6) == 0,
                  end.integer(UInt16.self, at: 8) == end.integer(UInt16.self, at: 10) else {
                throw refuse(record, "a multi-part (spanned) zip: upload it as one archive")
            }
            count = Int(end.integer(UInt16.self, at: 10))
            size = Int(end.integer(UInt32.self, at: 12))
            offset = Int(end.integer(UInt32.self, at: 16))
            directoryEnd = record
        }
        guard offset <= directoryEnd, size == directoryEnd - offset else {
            throw refuse(record, "the end record places the central directory at bytes \(offset) to \(offset &+ size), "
                + "but it must end where the end record begins (byte \(directoryEnd))")
        }
        guard count <= size / 46 else {
            throw refuse(record, "the end record declares \(count) members, more than a \(size)-byte central directory can hold")
        }
    }

    private static func fields64(_ record: EndianBytes, at: Int, archive: String) throws(ArchiveError) -> (Int, Int, Int) {
        let values = [32, 40, 48].map { record.integer(UInt64.self, at: $0) }
        guard let count = Int(exactly: values[0]), let size = Int(exactly: values[1]), let offset = Int(exactly: values[2]) else {
            throw ArchiveError(archive: archive, byteOffset: at, "the zip64 end record holds sizes past 2^63: \(values)")
        }
        return (count, size, offset)
    }

    /// The end-of-central-directory record (where it starts, and its 22 fixed bytes): 22 bytes plus a comment of at
    /// most 65,535 bytes, at the very end, so only the last 64 KiB of the archive are read to find it.
    private static func endRecord(_ input: some ArchiveInput, archive: String) throws(ArchiveError) -> (Int, EndianBytes) {
        let earliest = max(0, input.count - 22 - 65_535)
        let tail = EndianBytes(bytes: try input.read(at: earliest, count: input.count - earliest), bigEndian: false)
        var position = tail.bytes.count - 22
        while position >= 0 {
            if tail.integer(UInt32.self, at: position) == 0x0605_4B50,
               position + 22 + Int(tail.integer(UInt16.self, at: position + 20)) <= tail.bytes.count {
                return (earliest + position, EndianBytes(bytes: Array(tail.bytes[position..<(position + 22)]), bigEndian: false))
            }
            position -= 1
        }
        throw ArchiveError(archive: archive, byteOffset: input.count, "no end-of-central-directory record: the zip is truncated or not a zip")
    }
}
