import Compression
import Evaluation
import Foundation
import Imaging
import Testing

/// Hostile archives: bombs, overlapping and duplicate members, links, escaping paths, truncated counts.
@Suite struct ArchiveBudgetTests {
    private func refusal(_ bytes: [UInt8], name: String = "upload.zip", budget: ArchiveBudget = .default) -> ArchiveError? {
        do {
            _ = try Archive.entries(bytes, name: name, budget: budget)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: BadArchives.all.map(\.name))
    func craftedBadArchiveIsRefused(name: String) throws {
        let bad = try #require(BadArchives.all.first { $0.name == name })
        let error = try #require(refusal(bad.bytes, name: name))
        #expect(error.description.contains(bad.error), "\(error)")
        #expect(error.archive == name)
        #expect(!error.description.contains("/tmp"))
    }

    @Test func committedBadFixturesAreTheCraftedBytes() throws {
        if ProcessInfo.processInfo.environment["ARBITER_WRITE_BAD_FIXTURES"] != nil {
            for bad in BadArchives.all { try Data(bad.bytes).write(to: URL(fileURLWithPath: BadArchives.folder + "/" + bad.name)) }
        }
        for bad in BadArchives.all {
            let committed = try #require(FileManager.default.contents(atPath: BadArchives.folder + "/" + bad.name), "\(bad.name) missing")
            #expect([UInt8](committed) == bad.bytes, "\(bad.name) differs from its generator")
            #expect(bad.bytes.count < 20_000)
        }
    }

    @Test func refusesZipMemberDeclaringMoreThanTheBudgetBeforeExpanding() throws {
        let error = try #require(refusal(BadArchives.declaresHugeMember))
        #expect(error.member == "c01.nii.gz")
        #expect(error.byteOffset != nil)
        #expect(error.message.contains("limit for one member"))
    }

    @Test func refusesZipWhoseMembersTogetherExceedTheBudget() throws {
        var builder = ZipBuilder()
        for index in 0..<4 { builder.add("c\(index).nii.gz", [UInt8](repeating: UInt8(index), count: 600)) }
        let budget = ArchiveBudget(maximumTotalBytes: 2_000, maximumEntryBytes: 1_000)
        let error = try #require(refusal(builder.bytes, budget: budget))
        #expect(error.member == "c3.nii.gz")
        #expect(error.message.contains("2000-byte limit for the whole archive"))
        #expect(try Archive.entries(builder.bytes, name: "upload.zip", budget: ArchiveBudget(maximumTotalBytes: 2_400)).count == 4)
    }

    @Test func refusesOverlappingZipMembers() throws {
        let shared = try #require(refusal(BadArchives.sharedData))
        #expect(shared.message.contains("overlaps member c01.nii.gz"))
        let quoted = try #require(refusal(BadArchives.quotedOverlap))
        #expect(quoted.member == "c02.nii.gz")
        #expect(quoted.message.contains("overlaps member c01.nii.gz"))
    }

    @Test func refusesDuplicateMemberPathsNamingThePath() throws {
        let zip = try #require(refusal(BadArchives.duplicate))
        #expect(zip.member == "c01.nii.gz")
        let tar = try #require(refusal(TarBuilder.member("a/c01.nii.gz", [1]) + TarBuilder.member("a//c01.nii.gz", [2]) + TarBuilder.end, name: "up.tar"))
        #expect(tar.member == "a/c01.nii.gz")
        #expect(tar.message.contains("two members with this path"))
    }

    @Test func readsZip64EndRecordOfSeventyThousandMembers() throws {
        let bytes = BadArchives.members(70_000, zip64: true)
        let entries = try Archive.entries(bytes, name: "many.zip", budget: ArchiveBudget(maximumEntries: 100_000))
        #expect(entries.count == 70_000)
        #expect(entries.last?.path == "c69999")
    }

    @Test func refusesMoreMembersThanTheBudgetAllows() throws {
        let error = try #require(refusal(BadArchives.members(70_000, zip64: true)))
        #expect(error.message.contains("more than 10000 members"))
    }

    @Test func refusesEntryCountTruncatedToSixteenBits() throws {
        let error = try #require(refusal(BadArchives.members(65_540, zip64: false), budget: ArchiveBudget(maximumEntries: 100_000)))
        #expect(error.message.contains("declares 4 members but the central directory holds more"))
    }

    @Test func refusesCentralDirectoryNotWhereTheEndRecordSays() throws {
        var bytes = BadArchives.zip("c01.nii.gz", [1, 2, 3])
        bytes.insert(contentsOf: [0, 0, 0, 0], at: bytes.count - 22)
        let error = try #require(refusal(bytes))
        #expect(error.message.contains("central directory"))
    }

    @Test func refusesLinksInsideTheArchive() throws {
        #expect(refusal(BadArchives.symlinkZip)?.message.contains("symbolic link") == true)
        let tar = TarBuilder.header("c01.nii.gz", size: 0, type: UInt8(ascii: "2"), link: "/etc/passwd") + TarBuilder.end
        let error = try #require(refusal(tar, name: "up.tar"))
        #expect(error.member == "c01.nii.gz")
        #expect(error.byteOffset == 0)
        #expect(refusal(Deflate.gzip(tar), name: "up.tar.gz")?.message.contains("symbolic link") == true)
    }

    @Test(arguments: ["../c01.nii.gz", "a/../../c01.nii.gz", "/c01.nii.gz", "\\c01.nii.gz", "C:\\c01.nii.gz", "a\\..\\..\\c01"])
    func refusesPathsLeavingTheFolder(path: String) {
        #expect(refusal(BadArchives.zip(path, [1])) != nil)
        #expect(refusal(TarBuilder.member(path, [1]) + TarBuilder.end, name: "up.tar") != nil)
    }

    @Test func refusesPathsLongerOrDeeperThanTheBudget() {
        let deep = Array(repeating: "d", count: 40).joined(separator: "/") + "/c01.nii.gz"
        #expect(refusal(BadArchives.zip(deep, [1]))?.message.contains("folders deep") == true)
        let long = String(repeating: "n", count: 2_000)
        #expect(refusal(BadArchives.zip(long, [1]))?.message.contains("bytes long") == true)
    }

    @Test func gzippedTarStopsExpandingAtTheBudget() throws {
        let zeros = [UInt8](repeating: 0, count: 8 << 20)
        let bomb = Deflate.gzip(TarBuilder.member("c01.nii.gz", zeros) + TarBuilder.end)
        #expect(bomb.count < 64 << 10)
        let error = try #require(refusal(bomb, name: "up.tar.gz", budget: ArchiveBudget(maximumTotalBytes: 1 << 20)))
        #expect(error.member == "c01.nii.gz")
        #expect(try Archive.entries(bomb, name: "up.tar.gz", budget: ArchiveBudget(maximumTotalBytes: 16 << 20)).first?.bytes.count == zeros.count)
    }

    @Test func gzippedTarOfManyEmptyHeadersStopsAtTheEntryBudget() throws {
        let headers = (0..<300).flatMap { TarBuilder.member("f\($0)", []) }
        let error = try #require(refusal(Deflate.gzip(headers + TarBuilder.end), name: "up.tgz", budget: ArchiveBudget(maximumEntries: 100)))
        #expect(error.message.contains("more than 100 members"))
    }

    @Test func cutOffGzipStreamIsLocated() throws {
        let gzip = Deflate.gzip(TarBuilder.member("c01.nii.gz", (0..<5_000).map { UInt8($0 % 251) }) + TarBuilder.end)
        let error = try #require(refusal(Array(gzip.prefix(gzip.count / 2)), name: "up.tar.gz"))
        #expect(error.message.contains("cut off"))
        #expect(error.archive == "up.tar.gz")
    }

    @Test func uploadLimitGivesAStatedMultipleCapped() {
        #expect(ArchiveBudget.forUpload(limit: 10 << 20).maximumTotalBytes == 200 << 20)
        #expect(ArchiveBudget.forUpload(limit: 500 << 20).maximumTotalBytes == 1 << 30)
        #expect(ArchiveBudget.forUpload(limit: .max).maximumTotalBytes == 1 << 30)
        #expect(ArchiveBudget.default.maximumTotalBytes == 512 << 20)
    }
}

extension ArchiveBudgetTests {
    @Test func controlCharactersInMemberNamesAreEscapedInMessages() throws {
        let error = try #require(refusal(BadArchives.zip("c01\0\n\u{1B}[2J.nii.gz", [1])))
        #expect(error.message.contains("NUL"))
        #expect(error.description.contains("c01\\u{0}\\u{a}\\u{1b}[2J.nii.gz"))
    }
}

extension ArchiveBudgetTests {
    @Test func gzippedTarWithADamagedTrailerIsRefused() throws {
        var gzip = Deflate.gzip(TarBuilder.member("c01.nii.gz", [1, 2, 3]) + TarBuilder.end)
        gzip[gzip.count - 8] ^= 0xFF  // the CRC-32, checked only if the stream is read to its end
        let error = try #require(refusal(gzip, name: "up.tar.gz"))
        #expect(error.message.contains("damaged"))
    }

    @Test func gzippedTarWithMegabytesAfterTheEndIsRefused() throws {
        let gzip = Deflate.gzip(TarBuilder.member("c01.nii.gz", [1]) + TarBuilder.end + [UInt8](repeating: 0, count: 2 << 20))
        #expect(refusal(gzip, name: "up.tar.gz")?.message.contains("follow the end of the tar") == true)
    }
}

extension ArchiveBudgetTests {
    @Test func zip64SizesNearTwoToTheSixtyThreeAreRefusedWithoutTrapping() throws {
        var builder = ZipBuilder()
        let huge = UInt64(Int.max - 8)
        for name in ["c01.nii.gz", "c02.nii.gz"] {
            builder.add(name, [1]) { member in
                member.centralSizes = (0xFFFF_FFFF, 0xFFFF_FFFF)
                member.centralExtra = ZipBuilder.le16(1) + ZipBuilder.le16(16) + ZipBuilder.le64(huge) + ZipBuilder.le64(1)
            }
        }
        let unlimited = ArchiveBudget(maximumTotalBytes: .max, maximumEntryBytes: .max)
        let error = try #require(refusal(builder.bytes, budget: unlimited))
        #expect(error.member == "c01.nii.gz" || error.member == "c02.nii.gz")
        let bounded = try #require(refusal(builder.bytes))
        #expect(bounded.message.contains("limit for one member"))
    }
}

@Suite("Archive roots")
struct ArchiveRootTests {
    /// `tar cf x.tar -C folder .` writes the folder itself first, as `./`.
    @Test func tarWhoseFirstMemberIsItsOwnRootFolderIsRead() throws {
        let tar = TarBuilder.header("./", size: 0, type: UInt8(ascii: "5")) + TarBuilder.member("./c01.nii.gz", [1, 2, 3]) + TarBuilder.end
        #expect(try Archive.entries(tar, name: "upload.tar").map(\.path) == ["c01.nii.gz"])
    }

    @Test func fileMemberWithAnEmptyPathIsStillRefused() {
        let tar = TarBuilder.member("./", [1, 2, 3]) + TarBuilder.end
        #expect(throws: ArchiveError.self) { try Archive.entries(tar, name: "upload.tar") }
    }
}
