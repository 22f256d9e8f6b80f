import Foundation
import TestSupport
import Testing

/// `arbiter doctor` reports whether the blob folder can hold blobs, and fails the run when it cannot.
@Suite struct DoctorCommandTests {
    @Test func reportsAWritableBlobFolderWithAtomicRename() async throws {
        let data = try ScratchFolder()
        let run = try await ArbiterBinary.run(["doctor", "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("blobs          \(data.path)/blobs: writable, atomic rename"), "\(run.stdout)")
    }

    @Test func failsNamingThePathWhenTheBlobFolderIsARegularFile() async throws {
        let data = try ScratchFolder()
        _ = try data.write([1], to: "blobs")
        let run = try await ArbiterBinary.run(["doctor", "--data-dir", data.path])
        #expect(run.status != 0)
        #expect(run.stdout.contains("\(data.path)/blobs: FAILED"), "\(run.stdout)")
        #expect(run.stderr.contains("create folder failed on \(data.path)/blobs: Not a directory (errno 20)"), "\(run.stderr)")
    }

    /// A slides folder holding `names` (each the fixture slide, as `<name>.tiff`).
    static func slides(_ names: [String]) throws -> ScratchFolder {
        let slides = try ScratchFolder()
        for name in names {
            try FileManager.default.copyItem(atPath: RepositoryFiles.url("Fixtures/slides/tiny-two-levels.tiff").path, toPath: slides.file("\(name).tiff"))
        }
        return slides
    }

    @Test func findsAndOpensEveryStudyItemsSlide() async throws {
        let folder = try await StudyFolder()
        let slides = try Self.slides(["s1", "s2", "s3", "s4"])
        let run = try await folder.run(["doctor", "--slides", slides.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("slides         \(slides.path): 4 slides of 4 study items found and open"), "\(run.stdout)")
    }

    @Test func failsNamingEachItemWhoseSlideIsMissingOrUnreadable() async throws {
        let folder = try await StudyFolder()
        let slides = try Self.slides(["s1", "s2"])
        _ = try slides.write(Array("not a slide".utf8), to: "s3.tiff")
        let run = try await folder.run(["doctor", "--slides", slides.path])
        #expect(run.status != 0)
        #expect(run.stdout.contains("FAILED for 2 of 4 study items"), "\(run.stdout)")
        #expect(run.stderr.contains("tissuenet-demo/grading, item s4: no slide s4 in \(slides.path)"), "\(run.stderr)")
        #expect(run.stderr.contains("item s3: \(slides.path)/s3.tiff cannot be opened"), "\(run.stderr)")
    }
}
