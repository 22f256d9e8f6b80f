import Compression
import Evaluation
import Imaging
import Testing

@Suite struct ArchiveTests {
    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }

    /// A zip written by hand: each member stored (method 0) or deflated (method 8).
    static func zip(_ members: [(name: String, bytes: [UInt8], deflate: Bool)], corruptCRC: Bool = false) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        for member in members {
            let data = member.deflate ? Array(Deflate.zlib(member.bytes).dropFirst(2).dropLast(4)) : member.bytes
            var crc = Deflate.crc32(member.bytes)
            if corruptCRC { crc ^= 1 }
            let name = Array(member.name.utf8)
            let common = le16(20) + le16(0) + le16(member.deflate ? 8 : 0) + le16(0) + le16(0) + le32(crc)
                + le32(UInt32(data.count)) + le32(UInt32(member.bytes.count)) + le16(name.count) + le16(0)
            let offset = UInt32(archive.count)
            archive += le32(0x0403_4B50) + common + name + data
            directory += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(members.count) + le16(members.count)
            + le32(UInt32(directory.count)) + le32(UInt32(archive.count)) + le16(0)
        return archive + directory + end
    }

    /// A ustar archive written by hand.
    static func tar(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var archive: [UInt8] = []
        for member in members {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int) { for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte } }
            put(member.name, at: 0)
            put("0000644", at: 100)
            put(String(member.bytes.count, radix: 8).leftPadded(11), at: 124)
            put("00000000000", at: 136)
            header[156] = UInt8(ascii: "0")
            put("ustar", at: 257)
            put("00", at: 263)
            for index in 148..<156 { header[index] = 0x20 }
            let sum = header.reduce(0) { $0 + Int($1) }
            put(String(sum, radix: 8).leftPadded(6), at: 148)
            header[154] = 0
            archive += header + member.bytes + [UInt8](repeating: 0, count: (512 - member.bytes.count % 512) % 512)
        }
        return archive + [UInt8](repeating: 0, count: 1024)
    }

    @Test func zipMembersStoredOrDeflatedAreUnpacked() throws {
        let text = Array(String(repeating: "lesion ", count: 200).utf8)
        let entries = try Archive.entries(Self.zip([("a/c01.nii.gz", [1, 2, 3], false), ("c02.txt", text, true)]), name: "upload.zip")
        #expect(entries.map(\.path) == ["a/c01.nii.gz", "c02.txt"])
        #expect(entries[1].bytes == text)
        #expect(entries[0].name == "c01.nii.gz")
    }

    @Test func zipMemberWithWrongCRCIsCorrupt() {
        #expect(throws: ArchiveError.self) { try Archive.entries(Self.zip([("c01", [9, 9, 9], false)], corruptCRC: true), name: "upload.zip") }
    }

    @Test func truncatedZipHasNoDirectory() {
        let archive = Self.zip([("c01", [1, 2, 3, 4], false)])
        do {
            _ = try Archive.entries(Array(archive.prefix(archive.count - 10)), name: "cut.zip")
            Issue.record("read a truncated zip")
        } catch {
            #expect(error.message.contains("end-of-central-directory"))
        }
    }

    @Test func tarAndGzippedTarMembersAreUnpacked() throws {
        let archive = Self.tar([("c01.nii.gz", [1, 2, 3]), ("dir/c02.nii.gz", Array(repeating: 7, count: 700))])
        for bytes in [archive, Deflate.gzip(archive)] {
            let entries = try Archive.entries(bytes, name: "upload.tar")
            #expect(entries.map(\.path) == ["c01.nii.gz", "dir/c02.nii.gz"])
            #expect(entries[1].bytes.count == 700)
        }
    }

    @Test func tarWithDamagedHeaderChecksumIsRefused() {
        var archive = Self.tar([("c01.nii.gz", [1, 2, 3])])
        archive[10] ^= 0x41
        #expect(throws: ArchiveError.self) { try Archive.entries(archive, name: "upload.tar") }
    }

    @Test func macOSMetadataMembersAreIgnored() throws {
        let entries = try Archive.entries(Self.zip([("__MACOSX/._c01", [0], false), ("c01.nii.gz", [1], false)]), name: "upload.zip")
        #expect(entries.map(\.path) == ["c01.nii.gz"])
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
