/// The fields of one 512-byte tar header that the reader uses, checksum-verified.
struct TarHeader {
    let type: UInt8
    let size: Int
    let path: String
    /// What a link points to (empty for other members).
    let linkTarget: String

    init(_ header: [UInt8], at offset: Int, archive: String) throws(ArchiveError) {
        let stored = try Self.number(header, field: 148..<156, name: "checksum", at: offset, archive: archive)
        var sum = 0
        for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
        guard sum == stored else {
            throw ArchiveError(archive: archive, byteOffset: offset, "header checksum mismatch: not a tar header (or a damaged one)")
        }
        type = header[156]
        size = try Self.number(header, field: 124..<136, name: "size", at: offset, archive: archive)
        let name = String(decoding: header[0..<100].prefix { $0 != 0 }, as: UTF8.self)
        let prefix = String(decoding: header[345..<500].prefix { $0 != 0 }, as: UTF8.self)
        path = prefix.isEmpty ? name : prefix + "/" + name
        linkTarget = String(decoding: header[157..<257].prefix { $0 != 0 }, as: UTF8.self)
    }

    /// An octal field, or GNU's base-256 form (high bit of the first byte set) for large values.
    private static func number(_ header: [UInt8], field: Range<Int>, name: String, at offset: Int, archive: String) throws(ArchiveError) -> Int {
        if header[field.lowerBound] & 0x80 != 0 {
            var value = 0
            for (index, byte) in header[field].enumerated() {
                let digit = Int(index == 0 ? byte & 0x7F : byte)
                guard value <= (Int.max >> 8) else {
                    throw ArchiveError(archive: archive, byteOffset: offset + field.lowerBound, "\(name) field does not fit in 63 bits")
                }
                value = value << 8 | digit
            }
            return value
        }
        let text = String(decoding: header[field].drop { $0 == 0x20 }.prefix { $0 != 0 && $0 != 0x20 }, as: UTF8.self)
        guard let value = Int(text.isEmpty ? "0" : text, radix: 8), value >= 0 else {
            throw ArchiveError(archive: archive, byteOffset: offset + field.lowerBound, "\(name) field \"\(text)\" is not an octal number")
        }
        return value
    }

    static func typeName(_ type: UInt8) -> String {
        switch type {
        case UInt8(ascii: "1"): "hard link"
        case UInt8(ascii: "2"): "symbolic link"
        case UInt8(ascii: "3"): "character device"
        case UInt8(ascii: "4"): "block device"
        case UInt8(ascii: "6"): "FIFO"
        default: "member of type \(type >= 0x20 && type < 0x7F ? "'\(Character(UnicodeScalar(type)))'" : "\(type)")"
        }
    }
}
