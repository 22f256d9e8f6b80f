import Foundation
import Imaging
import Testing
import TestSupport
@testable import Tiling

/// `--skip-background`: tiles whose square has no tissue in the mask are not written.
@Suite struct BackgroundSkippingTests {
    @Test func tilesWithoutTissueAreLeftOut() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/vips-jpeg-power-of-two.tiff"))
        // Tissue only in level-0 columns 0..<200 (mask cells of 8 x 8 pixels).
        let mask = TissueMask(cells: (0..<(64 * 96)).map { $0 % 64 < 25 }, width: 64, height: 96, scaleX: 8, scaleY: 8, threshold: 0)
        let writer = PyramidWriter(options: PyramidOptions(tileSize: 128, overlap: 1, skipBackground: true))
        let outcome = try await writer.write(slide, to: PyramidFolder(directory: folder.path, name: "s"), mask: mask)
        let top = writer.geometry(of: slide).levelDimensions.count - 1
        let written = Set(TemporaryDirectory.files(under: "\(folder.path)/s_files/\(top)"))
        // Top level: 4 x 6 tiles of 128; columns 0 and 1 (x < 257 with overlap) touch tissue, 2 and 3 do not.
        #expect(written == Set((0..<6).flatMap { row in ["0_\(row).jpeg", "1_\(row).jpeg"] }))
        // One level down (256 x 384, 2 x 3 tiles), column 1 starts at level-0 x 254: 3 more background tiles.
        #expect(outcome == .written(tiles: writer.geometry(of: slide).tileCount - 15, background: 15))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/s.dzi"))
    }
}
