import Foundation
import Imaging
import Testing
import TestSupport
import Tiling

/// Atomic pyramids: tiles appear under NAME_files only when all are written, the .dzi last; reruns skip finished
/// pyramids and replace what an interrupted run left.
@Suite struct PyramidFolderTests {
    let slidePath = RepositoryFiles.path("Fixtures/slides/vips-jpeg.tiff")

    @Test func finishedPyramidLeavesNoStagingFolder() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try await PyramidWriter().write(Slide(path: slidePath), to: PyramidFolder(directory: folder.path, name: "s"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["s.dzi", "s_files"])
        #expect(PyramidFolder(directory: folder.path, name: "s").isFinished)
    }

    @Test func rerunSkipsAFinishedPyramid() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let target = PyramidFolder(directory: folder.path, name: "s")
        _ = try await PyramidWriter().write(Slide(path: slidePath), to: target)
        let marker = folder.path + "/s_files/9/0_0.jpeg"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: marker))
        let outcome = try await PyramidWriter().write(Slide(path: slidePath), to: target)
        #expect(outcome == .alreadyFinished)
        #expect(try Data(contentsOf: URL(fileURLWithPath: marker)) == Data([1, 2, 3]))
    }

    @Test func rerunReplacesWhatAnInterruptedRunLeft() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // An interrupted run: a staging folder with a truncated tile, and a tiles folder whose .dzi was never written.
        try FileManager.default.createDirectory(atPath: folder.path + "/s_files.partial/9", withIntermediateDirectories: true)
        try Data([0xFF, 0xD8]).write(to: URL(fileURLWithPath: folder.path + "/s_files.partial/9/0_0.jpeg"))
        try FileManager.default.createDirectory(atPath: folder.path + "/s_files/9", withIntermediateDirectories: true)
        try Data([0xFF]).write(to: URL(fileURLWithPath: folder.path + "/s_files/9/1_1.jpeg"))
        let target = PyramidFolder(directory: folder.path, name: "s")
        #expect(!target.isFinished)
        let outcome = try await PyramidWriter().write(Slide(path: slidePath), to: target)
        #expect(outcome == .written(tiles: 13, background: 0))
        for tile in ["9/0_0.jpeg", "9/1_1.jpeg"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/s_files/" + tile)).count > 100)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/s_files.partial"))
    }

    @Test func failedRunLeavesNoDescriptor() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/bad-corrupt-jpeg-tile.tiff"))
        await #expect(throws: SlideError.self) {
            _ = try await PyramidWriter().write(slide, to: PyramidFolder(directory: folder.path, name: "bad"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/bad.dzi"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/bad_files"))
    }
}
