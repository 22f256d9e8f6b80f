import Foundation
import Store
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `arbiter doctor`'s check that a folder can hold blobs: it passes on a local folder, cleans up after itself, and
/// names the path and errno when the folder cannot be used (a regular file in the way fails even for root, where
/// permissions would not).
@Suite("Blob directory check")
struct BlobDirectoryCheckTests {
    let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder()
    }

    @Test func passesOnALocalFolder() throws {
        try BlobDirectoryCheck(root: URL(fileURLWithPath: scratch.file("blobs"))).run()
    }

    @Test func createsAMissingBlobFolderWithItsParents() throws {
        let root = scratch.file("data/blobs")
        try BlobDirectoryCheck(root: URL(fileURLWithPath: root)).run()
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test func leavesNothingBehindInTheBlobFolder() throws {
        let root = scratch.file("blobs")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try BlobDirectoryCheck(root: URL(fileURLWithPath: root)).run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }

    @Test func failsNamingThePathAndErrnoWhenARegularFileIsInTheWay() throws {
        let file = try scratch.write([1, 2, 3], to: "not-a-folder")
        let root = file + "/blobs"
        #expect {
            try BlobDirectoryCheck(root: URL(fileURLWithPath: root)).run()
        } throws: { error in
            guard let problem = error as? BlobDirectoryProblem else { return false }
            return problem.folder == root && problem.path == file && problem.code == ENOTDIR && problem.step == "create folder"
                && "\(problem)".contains(root) && "\(problem)".contains("errno \(ENOTDIR)")
        }
    }

    @Test func failsWhenTheBlobFolderIsARegularFile() throws {
        let file = try scratch.write([1, 2, 3], to: "blobs")
        #expect {
            try BlobDirectoryCheck(root: URL(fileURLWithPath: file)).run()
        } throws: { error in
            (error as? BlobDirectoryProblem)?.path == file && (error as? BlobDirectoryProblem)?.code == ENOTDIR
        }
    }
}
