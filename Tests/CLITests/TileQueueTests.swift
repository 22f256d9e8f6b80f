import Foundation
import TestSupport
import Testing

/// `arbiter tile --queue` puts one job per slide on the store's queue; `arbiter tile --work` tiles them with the
/// options they were queued with, exactly as tiling them directly would.
@Suite struct TileQueueTests {
    static let slide = RepositoryFiles.url("Fixtures/slides/tiny-two-levels.tiff").path
    static let broken = RepositoryFiles.url("Fixtures/slides/bad-not-a-tiff.tiff").path

    @Test func queuedSlideIsTiledByAWorkerAsTilingItDirectlyWould() async throws {
        let folder = try ScratchFolder()
        let queued = try await ArbiterBinary.run(
            ["tile", Self.slide, "--out", "queued", "--tile-size", "128", "--queue", "--data-dir", "data"], in: folder.path)
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stdout.contains("queued 1 tiling job "))
        // The worker runs elsewhere, with flags of its own: the queued options win.
        let worker = try await ArbiterBinary.run(["tile", "--work", "--tile-size", "512", "--data-dir", folder.file("data")])
        #expect(worker.status == 0, "\(worker.stderr)")
        #expect(worker.stdout.contains("tiled 1 slide, 0 failed"))
        let direct = try await ArbiterBinary.run(["tile", Self.slide, "--out", "direct", "--tile-size", "128"], in: folder.path)
        #expect(direct.status == 0, "\(direct.stderr)")
        let queuedFiles = try Self.files(under: folder.file("queued")), directFiles = try Self.files(under: folder.file("direct"))
        #expect(!queuedFiles.isEmpty)
        #expect(queuedFiles == directFiles)
    }

    @Test func slideThatCannotBeTiledFailsItsOwnJobWithTheReason() async throws {
        let folder = try ScratchFolder()
        let queued = try await ArbiterBinary.run(["tile", Self.broken, Self.slide, "--out", "out", "--queue", "--data-dir", "data"], in: folder.path)
        #expect(queued.status == 0, "\(queued.stderr)")
        let worker = try await ArbiterBinary.run(["tile", "--work", "--data-dir", "data"], in: folder.path)
        #expect(worker.status != 0)
        #expect(worker.stdout.contains("tiled 1 slide, 1 failed"))
        #expect(worker.stderr.contains("bad-not-a-tiff"))
        let again = try await ArbiterBinary.run(["tile", "--work", "--data-dir", "data"], in: folder.path)
        #expect(again.status == 0, "a failed job is not retried: \(again.stdout)")
        #expect(!again.stdout.contains("tiled"))
    }

    @Test func workWithSlidesIsRefused() async throws {
        let run = try await ArbiterBinary.run(["tile", "--work", Self.slide])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--work takes its slides from the queue"))
    }

    /// Every file under a folder, relative, with its bytes.
    static func files(under root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = root + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return files
    }
}
