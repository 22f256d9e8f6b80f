import Challenge
import Compression
import Evaluation
import Foundation
import Imaging
import Testing

/// Archives of case files unpack into a private folder that never outlives a failure, and errors name the upload.
@Suite struct CaseFilesUnpackTests {
    static func tarMember(_ name: String, _ data: [UInt8]) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) { for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte } }
        put(name, at: 0)
        put("0000644", at: 100)
        let octal = String(data.count, radix: 8)
        put(String(repeating: "0", count: 11 - octal.count) + octal, at: 124)
        header[156] = UInt8(ascii: "0")
        put("ustar", at: 257)
        for index in 148..<156 { header[index] = 0x20 }
        let sum = String(header.reduce(0) { $0 + Int($1) }, radix: 8)
        put(String(repeating: "0", count: 6 - sum.count) + sum + "\0", at: 148)
        return header + data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    static let end = [UInt8](repeating: 0, count: 1024)

    /// Saves `bytes` as a temporary file (as the scorer saves an upload) and builds case files from it.
    private func caseFiles(_ bytes: [UInt8], budget: ArchiveBudget = .default, scratch: String? = nil) throws -> CaseFiles {
        let spool = try TemporaryFolder(prefix: "arbiter-test-spool")
        let path = try spool.write(bytes, name: "spooled.tar")
        return try CaseFiles(path, extensions: CaseFiles.volumeExtensions, roles: [], displayName: "upload.tar", budget: budget, scratch: scratch)
    }

    @Test func failedUnpackLeavesNoFolderBehindAndNamesTheUpload() throws {
        // `c01` as a file and then as a folder: the second member fails after the first was written.
        let archive = Self.tarMember("c01", [1]) + Self.tarMember("c01/c02.nii.gz", [2]) + Self.end
        let scratch = try TemporaryFolder(prefix: "arbiter-test-scratch")
        for _ in 0..<3 {
            do {
                _ = try caseFiles(archive, scratch: scratch.path)
                Issue.record("unpacked a file and a folder of the same name")
            } catch {
                #expect("\(error)".hasPrefix("upload.tar: "), "\(error)")
                #expect(!"\(error)".contains(FileManager.default.temporaryDirectory.path))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func archiveErrorsNameTheUploadNotTheTemporaryPath() throws {
        let duplicate = Self.tarMember("c01.nii.gz", [1]) + Self.tarMember("c01.nii.gz", [2]) + Self.end
        do {
            _ = try caseFiles(duplicate)
            Issue.record("read a duplicate member")
        } catch let error as ArchiveError {
            #expect(error.archive == "upload.tar")
            #expect(error.member == "c01.nii.gz")
            #expect(!error.description.contains("/tmp"))
        }
    }

    @Test func archivesOverTheCallersBudgetAreRefused() throws {
        let archive = Self.tarMember("c01.nii.gz", [UInt8](repeating: 1, count: 5_000)) + Self.end
        #expect(throws: ArchiveError.self) { try caseFiles(archive, budget: ArchiveBudget(maximumTotalBytes: 4_096)) }
        #expect(try caseFiles(archive).paths.keys.sorted() == ["c01"])
    }

    @Test func unpackedFolderIsPrivateAndGoesWithTheValue() throws {
        let archive = Self.tarMember("a/c01.nii.gz", [1]) + Self.end
        var files: CaseFiles? = try caseFiles(archive)
        let file = try #require(files?.paths["c01"])
        let root = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: root)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o700)
        files = nil
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func duplicateCasesInAnArchiveAreShownByMemberPath() throws {
        let archive = Self.tarMember("a/c01.nii.gz", [1]) + Self.tarMember("b/c01.nii.gz", [2]) + Self.end
        do {
            _ = try caseFiles(archive)
            Issue.record("took two files for one case")
        } catch {
            #expect("\(error)" == "upload.tar: two files for case \"c01\": a/c01.nii.gz and b/c01.nii.gz")
        }
    }
}

extension CaseFilesUnpackTests {
    @Test func unreadableMapInAnArchiveIsNamedAsUploaded() async throws {
        let folder = try TemporaryFolder(prefix: "arbiter-test-truth")
        let label = Volume(shape: [4, 4, 4], spacing: [1, 1, 1], affine: .identity, voxels: VoxelBuffer([UInt8](repeating: 0, count: 64)))
        let truthPath = folder.path + "/c01.nii.gz"
        try NIfTIWriter.write(label, to: truthPath)
        var damaged = NIfTIWriter.encode(label)
        damaged = Deflate.gzip(damaged)
        damaged[damaged.count - 8] ^= 0xFF  // the gzip CRC-32
        let predictions = try caseFiles(Self.tarMember("maps/c01.nii.gz", damaged) + Self.end)
        do {
            _ = try await VolumeLesionEvaluator().evaluate(truth: CaseFiles(paths: ["c01": truthPath]), predictions: predictions, predictionsName: "upload.tar")
            Issue.record("scored a damaged map")
        } catch {
            #expect("\(error)".contains("c01.nii.gz"))
            #expect(!"\(error)".contains("arbiter-cases-"), "\(error)")
        }
    }
}
