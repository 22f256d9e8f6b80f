import Challenge
import Foundation
import Intake
import PlatformSupport
import Store
import Testing

/// An upload spooled to disk is validated where it lies and renamed into the blob store: one write, no copy.
@Suite("Spooled uploads")
struct SpooledUploadTests {
    func spool(_ bytes: [UInt8], in store: any ArbiterStore) throws -> UploadedFile {
        let url = try store.blobs.newIncomingFile()
        try Data(bytes).write(to: url)
        return UploadedFile(url: url, byteCount: bytes.count, sha256: ContentDigest.sha256(bytes))
    }

    func inode(_ url: URL) throws -> UInt64 {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    @Test func acceptedUploadIsRenamedIntoTheBlobStoreNotCopied() throws {
        let platform = try Platform()
        let team = try #require(try platform.store.authenticate(token: try platform.addTeam("alpha"))?.team)
        let bytes = Platform.predictions([0, 1, 2, 0, 1, 2])
        let upload = try spool(bytes, in: platform.store)
        let spooledInode = try inode(upload.url)
        let submission = try #require(try platform.intake.submit(
            challenge: "small", phase: "final", team: team, fileName: "p.csv", file: upload, now: Platform.opens.addingTimeInterval(1)))
        let blob = try #require(platform.store.blobs as? DirectoryBlobStore).url(for: submission.fileSHA256)
        #expect(try inode(blob) == spooledInode)
        #expect(try platform.store.blobs.read(submission.fileSHA256) == bytes)
        #expect(!FileManager.default.fileExists(atPath: upload.url.path))
    }

    @Test func refusedAndDryRunUploadsLeaveNothingBehind() throws {
        let platform = try Platform()
        let team = try #require(try platform.store.authenticate(token: try platform.addTeam("alpha"))?.team)
        let invalid = try spool(Array("case_id,label\nA,7\n".utf8), in: platform.store)
        #expect(throws: IntakeError.self) {
            try platform.intake.submit(challenge: "small", phase: "final", team: team, fileName: "p.csv", file: invalid,
                                       now: Platform.opens.addingTimeInterval(1))
        }
        let dryRun = try spool(Platform.predictions([0, 1, 2, 0, 1, 2]), in: platform.store)
        #expect(try platform.intake.submit(challenge: "small", phase: "final", team: team, fileName: "p.csv", file: dryRun,
                                           now: Platform.opens.addingTimeInterval(1), dryRun: true) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: try #require(platform.store.blobs as? DirectoryBlobStore).incoming.path).isEmpty)
    }

    @Test func spooledArchiveIsReadUnderTheNameItsUploaderGave() throws {
        let demo = try LesionDemo("picai")
        let team = try #require(try demo.store.authenticate(token: try demo.store.addTeam(challenge: demo.spec.slug, name: "alpha", now: demo.now).token)?.team)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(demo.fixtures)/predictions/perfect.tar")))
        let upload = try spool(bytes, in: demo.store)
        let submission = try #require(try SubmissionIntake(store: demo.store).submit(
            challenge: demo.spec.slug, phase: "final", team: team, fileName: "perfect.tar", file: upload, now: demo.now))
        #expect(submission.byteCount == bytes.count)
    }

    @Test func uploadsAbandonedByACrashAreRemovedAtStart() throws {
        let platform = try Platform()
        let abandoned = try spool([1, 2, 3], in: platform.store)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-DirectoryBlobStore.abandonedAfter - 60)], ofItemAtPath: abandoned.url.path)
        #expect(platform.store.blobs.removeAbandonedUploads() == 1)
    }

    /// On shared storage `incoming` is every server's: one restarting must not delete another's uploads in progress.
    @Test func recentUploadsAreLeftToTheServerWritingThem() throws {
        let platform = try Platform()
        let upload = try spool([1, 2, 3], in: platform.store)
        #expect(platform.store.blobs.removeAbandonedUploads() == 0)
        #expect(FileManager.default.fileExists(atPath: upload.url.path))
    }
}
