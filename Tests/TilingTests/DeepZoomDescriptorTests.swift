import Foundation
import Imaging
import Testing
import TestSupport
import Tiling

/// The `.dzi` and tile paths, checked against what `vips dzsave` 8.14.1 wrote for the same slide
/// (Fixtures/oracles/deepzoom/vips-dzsave).
@Suite struct DeepZoomDescriptorTests {
    @Test func descriptorIsByteForByteWhatVipsWrites() throws {
        let vips = try String(contentsOf: RepositoryFiles.url("Fixtures/oracles/deepzoom/vips-dzsave/vips-jpeg.dzi"), encoding: .utf8)
        let ours = DeepZoomDescriptor(width: 427, height: 301, tileSize: 254, overlap: 1, format: .jpeg(quality: 75))
        #expect(ours.xml == vips)
    }

    @Test func pngPyramidsNameTheirFormat() {
        #expect(DeepZoomDescriptor(width: 1, height: 1, tileSize: 254, overlap: 1, format: .png).xml.contains("Format=\"png\""))
    }

    @Test func pyramidHasTheTilePathsVipsWrites() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/vips-jpeg.tiff"))
        let outcome = try await PyramidWriter().write(slide, to: PyramidFolder(directory: folder.path, name: "vips-jpeg"))
        let expected = try String(contentsOf: RepositoryFiles.url("Fixtures/oracles/deepzoom/vips-dzsave/vips-jpeg-tiles.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(TemporaryDirectory.files(under: folder.path + "/vips-jpeg_files").map { "vips-jpeg_files/" + $0 } == expected)
        #expect(outcome == .written(tiles: expected.count, background: 0))
        let dzi = try String(contentsOfFile: folder.path + "/vips-jpeg.dzi", encoding: .utf8)
        #expect(dzi == (try String(contentsOf: RepositoryFiles.url("Fixtures/oracles/deepzoom/vips-dzsave/vips-jpeg.dzi"), encoding: .utf8)))
    }

    @Test func jpegTilesDecodeToTheirDeepZoomSize() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/vips-jpeg.tiff"))
        let writer = PyramidWriter(options: PyramidOptions(tileSize: 100, overlap: 2))
        _ = try await writer.write(slide, to: PyramidFolder(directory: folder.path, name: "s"))
        let geometry = writer.geometry(of: slide)
        let top = geometry.levelDimensions.count - 1
        for (column, row) in [(0, 0), (1, 1), (4, 3)] {
            let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder.path)/s_files/\(top)/\(column)_\(row).jpeg")))
            let size = geometry.tile(level: top, column: column, row: row).tileSize
            var pixels = [UInt8](repeating: 0, count: size.width * size.height * 4)
            try data.withUnsafeBytes { bytes in
                try pixels.withUnsafeMutableBytes { try JPEGDecoder.decode(bytes, width: size.width, height: size.height, into: $0) }
            }
        }
    }
}
