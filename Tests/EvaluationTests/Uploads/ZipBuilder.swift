import Compression
import Imaging

/// Zips written by hand for hostile-input tests: every field the reader checks can be set to a lie.
struct ZipBuilder {
    struct Member {
        var name: String
        var data: [UInt8]
        /// Stored bytes (method 0) unless `method` says otherwise.
        var method: UInt16 = 0
        var crc: UInt32?
        var size: UInt32?
        /// The local header this central entry points at (default: its own).
        var localOffset: Int?
        /// Unix mode in the high 16 bits of the external attributes (version made by: Unix).
        var unixMode: UInt32?
        /// Extra fields of the central entry only (a zip64 field, say).
        var centralExtra: [UInt8] = []
        /// Sizes written in the central entry, when they differ from the local header's (0xFFFFFFFF for zip64).
        var centralSizes: (compressed: UInt32, size: UInt32)?
    }

    var members: [Member] = []
    /// Overrides of the end record's entry count (16 bits) and a zip64 end record with the true count.
    var declaredCount: Int?
    var zip64 = false

    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
    static func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(value >> (8 * $0) & 0xFF) } }

    mutating func add(_ name: String, _ data: [UInt8], configure: (inout Member) -> Void = { _ in }) {
        var member = Member(name: name, data: data)
        configure(&member)
        members.append(member)
    }

    var bytes: [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        archive.reserveCapacity(members.count * 64)
        directory.reserveCapacity(members.count * 80)
        for member in members {
            let name = Array(member.name.utf8)
            let common = Self.le16(20) + Self.le16(0) + Self.le16(Int(member.method)) + Self.le16(0) + Self.le16(0)
                + Self.le32(member.crc ?? Deflate.crc32(member.data)) + Self.le32(UInt32(member.data.count))
                + Self.le32(member.size ?? UInt32(member.data.count)) + Self.le16(name.count) + Self.le16(0)
            let own = archive.count
            if member.localOffset == nil { archive += Self.le32(0x0403_4B50) + common + name + member.data }
            let madeBy = member.unixMode == nil ? 20 : 3 << 8 | 20
            var central = common
            if let sizes = member.centralSizes {
                central.replaceSubrange(14..<22, with: Self.le32(sizes.compressed) + Self.le32(sizes.size))
            }
            central.replaceSubrange(24..<26, with: Self.le16(member.centralExtra.count))
            directory += Self.le32(0x0201_4B50) + Self.le16(madeBy) + central + Self.le16(0) + Self.le16(0) + Self.le16(0)
                + Self.le32((member.unixMode ?? 0) << 16) + Self.le32(UInt32(member.localOffset ?? own)) + name + member.centralExtra
        }
        let count = declaredCount ?? members.count
        var end: [UInt8] = []
        if zip64 {
            let record = archive.count + directory.count
            end += Self.le32(0x0606_4B50) + Self.le64(44) + Self.le16(45) + Self.le16(45) + Self.le32(0) + Self.le32(0)
                + Self.le64(UInt64(count)) + Self.le64(UInt64(count)) + Self.le64(UInt64(directory.count)) + Self.le64(UInt64(archive.count))
            end += Self.le32(0x0706_4B50) + Self.le32(0) + Self.le64(UInt64(record)) + Self.le32(1)
        }
        let short = zip64 ? 0xFFFF : count & 0xFFFF
        end += Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(short) + Self.le16(short)
            + Self.le32(UInt32(directory.count)) + Self.le32(UInt32(archive.count)) + Self.le16(0)
        return archive + directory + end
    }
}

/// Tars written by hand, with any type flag and size field.
enum TarBuilder {
    static func header(_ name: String, size: Int, type: UInt8 = UInt8(ascii: "0"), link: String = "") -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) { for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte } }
        put(name, at: 0)
        put("0000644", at: 100)
        let octal = String(size, radix: 8)
        put(String(repeating: "0", count: max(0, 11 - octal.count)) + octal, at: 124)
        put("00000000000", at: 136)
        header[156] = type
        put(link, at: 157)
        put("ustar", at: 257)
        put("00", at: 263)
        for index in 148..<156 { header[index] = 0x20 }
        let sum = String(header.reduce(0) { $0 + Int($1) }, radix: 8)
        put(String(repeating: "0", count: max(0, 6 - sum.count)) + sum, at: 148)
        header[154] = 0
        return header
    }

    static func member(_ name: String, _ data: [UInt8], type: UInt8 = UInt8(ascii: "0")) -> [UInt8] {
        header(name, size: data.count, type: type) + data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    static let end = [UInt8](repeating: 0, count: 1024)
}
