import Challenge
import Compression
import Evaluation
import Foundation
import Imaging
import Testing

/// Archives are unpacked from the uploaded file straight into the private folder, member by member; a member that
/// fails part way through (a wrong CRC found after its bytes were written) still leaves nothing behind.
@Suite struct CaseFilesStreamingTests {
    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }

    /// A zip of stored members, each CRC optionally spoiled.
    static func storedZip(_ members: [(name: String, bytes: [UInt8], badCRC: Bool)]) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        for member in members {
            let name = Array(member.name.utf8)
            let crc = Deflate.crc32(member.bytes) ^ (member.badCRC ? 1 : 0)
            let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
                + le32(UInt32(member.bytes.count)) + le32(UInt32(member.bytes.count)) + le16(name.count) + le16(0)
            let offset = UInt32(archive.count)
            archive += le32(0x0403_4B50) + common + name + member.bytes
            directory += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        return archive + directory + le32(0x0605_4B50) + le16(0) + le16(0) + le16(members.count) + le16(members.count)
            + le32(UInt32(directory.count)) + le32(UInt32(archive.count)) + le16(0)
    }

    private func caseFiles(_ bytes: [UInt8], scratch: String) throws -> CaseFiles {
        let spool = try TemporaryFolder(prefix: "arbiter-test-spool")
        let path = try spool.write(bytes, name: "spooled.zip")
        return try CaseFiles(path, extensions: CaseFiles.volumeExtensions, roles: [], displayName: "upload.zip", scratch: scratch)
    }

    @Test func zipMembersAreWrittenIntoTheirFilesAndMetadataIsLeftOut() throws {
        let big = (0..<(2_500_000)).map { UInt8(truncatingIfNeeded: $0 / 7) }
        let zip = Self.storedZip([("a/c01.nii.gz", big, false), ("__MACOSX/a/._c01.nii.gz", [0], false), ("c02.nii.gz", [], false)])
        let scratch = try TemporaryFolder(prefix: "arbiter-test-scratch")
        let files = try caseFiles(zip, scratch: scratch.path)
        #expect(files.paths.keys.sorted() == ["c01", "c02"])
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: #require(files.paths["c01"])))) == big)
        let root = try #require(FileManager.default.contentsOfDirectory(atPath: scratch.path).first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/" + root).sorted() == ["a", "c02.nii.gz"])
    }

    @Test func memberFailingItsCRCAfterBeingWrittenLeavesNoFolderBehind() throws {
        let zip = Self.storedZip([("c01.nii.gz", [1, 2, 3], false), ("c02.nii.gz", [UInt8](repeating: 9, count: 3 << 20), true)])
        let scratch = try TemporaryFolder(prefix: "arbiter-test-scratch")
        do {
            _ = try caseFiles(zip, scratch: scratch.path)
            Issue.record("unpacked a member with a wrong CRC")
        } catch let error as ArchiveError {
            #expect(error.archive == "upload.zip")
            #expect(error.member == "c02.nii.gz")
            #expect(error.message.contains("CRC-32 mismatch"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func fileAndFolderOfOneNameInAZipNameTheUploadAndMember() throws {
        let zip = Self.storedZip([("c01", [1], false), ("c01/c02.nii.gz", [2], false)])
        let scratch = try TemporaryFolder(prefix: "arbiter-test-scratch")
        do {
            _ = try caseFiles(zip, scratch: scratch.path)
            Issue.record("unpacked a file and a folder of the same name")
        } catch {
            #expect("\(error)" == "upload.zip: member \"c01/c02.nii.gz\" cannot be unpacked (a file and a folder of that name?)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }
}
