import Compression
import Foundation
import Imaging
import TestSupport

/// Hostile archives crafted in code, small enough to keep as fuzz seeds under `Fixtures/bad/` (written there by
/// running the tests with `ARBITER_WRITE_BAD_FIXTURES=1`), each with the words its error must contain.
enum BadArchives {
    struct Case {
        let name: String
        let bytes: [UInt8]
        let error: String
    }

    static var all: [Case] {
        [
            Case(name: "zip-declares-3.9GiB.zip", bytes: declaresHugeMember, error: "over the 268435456-byte limit for one member"),
            Case(name: "zip-overlapping-members.zip", bytes: sharedData, error: "overlaps member"),
            Case(name: "zip-quoted-overlap.zip", bytes: quotedOverlap, error: "overlaps member"),
            Case(name: "zip-duplicate-member.zip", bytes: duplicate, error: "two members with this path"),
            Case(name: "zip-parent-path.zip", bytes: zip("../../etc/cron.d/x", [1]), error: "goes up a folder"),
            Case(name: "zip-absolute-path.zip", bytes: zip("/etc/passwd", [1]), error: "an absolute path"),
            Case(name: "zip-symlink.zip", bytes: symlinkZip, error: "a symbolic link"),
            Case(name: "tar-symlink.tar", bytes: TarBuilder.header("c01.nii.gz", size: 0, type: UInt8(ascii: "2"), link: "/root/.bash_history") + TarBuilder.end,
                 error: "a symbolic link"),
            Case(name: "tar-hardlink.tar", bytes: TarBuilder.header("c01.nii.gz", size: 0, type: UInt8(ascii: "1"), link: "/etc/shadow") + TarBuilder.end,
                 error: "a hard link"),
            Case(name: "tar-parent-path.tar", bytes: TarBuilder.member("../c01.nii.gz", [1, 2, 3]) + TarBuilder.end, error: "goes up a folder"),
            Case(name: "tar-duplicate-member.tar", bytes: TarBuilder.member("c01.nii.gz", [1]) + TarBuilder.member("./c01.nii.gz", [2]) + TarBuilder.end,
                 error: "two members with this path"),
            Case(name: "targz-declares-3.9GiB.tar.gz", bytes: Deflate.gzip(TarBuilder.header("c01.nii.gz", size: 4_187_593_113) + [UInt8](repeating: 0, count: 4096)),
                 error: "over the 268435456-byte limit for one member"),
        ]
    }

    static func zip(_ name: String, _ data: [UInt8]) -> [UInt8] {
        var builder = ZipBuilder()
        builder.add(name, data)
        return builder.bytes
    }

    /// One 4 KiB DEFLATE member whose directory says it expands to 3.9 GiB.
    static var declaresHugeMember: [UInt8] {
        var builder = ZipBuilder()
        let data = Array(Deflate.zlib([UInt8](repeating: 0, count: 4 << 20)).dropFirst(2).dropLast(4))
        builder.add("c01.nii.gz", data) { $0.method = 8; $0.size = 4_187_593_113; $0.crc = 0 }
        return builder.bytes
    }

    /// Three directory entries pointing at the same local header and data.
    static var sharedData: [UInt8] {
        var builder = ZipBuilder()
        builder.add("c01.nii.gz", Array(repeating: 7, count: 100))
        for index in 2...3 { builder.add("c0\(index).nii.gz", Array(repeating: 7, count: 100)) { $0.localOffset = 0 } }
        return builder.bytes
    }

    /// The first member's stored data quotes the second member's local header and data (a Fifield-style bomb).
    static var quotedOverlap: [UInt8] {
        let inner = Array(zip("c02.nii.gz", Array(repeating: 9, count: 64)).prefix(30 + 10 + 64))
        var builder = ZipBuilder()
        builder.add("c01.nii.gz", inner)
        builder.add("c02.nii.gz", Array(repeating: 9, count: 64)) { $0.localOffset = 30 + 10 }
        return builder.bytes
    }

    static var duplicate: [UInt8] {
        var builder = ZipBuilder()
        builder.add("c01.nii.gz", [1])
        builder.add("c01.nii.gz", [2])
        return builder.bytes
    }

    static var symlinkZip: [UInt8] {
        var builder = ZipBuilder()
        builder.add("c01.nii.gz", Array("/root/.bash_history".utf8)) { $0.unixMode = 0o120777 }
        return builder.bytes
    }

    static func members(_ count: Int, zip64: Bool) -> [UInt8] {
        var builder = ZipBuilder()
        builder.members.reserveCapacity(count)
        for index in 0..<count { builder.members.append(.init(name: "c\(index)", data: [])) }
        builder.zip64 = zip64
        return builder.bytes
    }

    static var folder: String {
        RepositoryFiles.path("Fixtures/bad")
    }
}
