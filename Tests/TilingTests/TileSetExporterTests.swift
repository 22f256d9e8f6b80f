import Foundation
import Imaging
import Testing
import TestSupport
@testable import Tiling

/// Annotation tile sets: the grid at the target resolution, the tissue threshold, the files and the manifest.
@Suite struct TileSetExporterTests {
    let slidePath = RepositoryFiles.path("Fixtures/slides/vips-jpeg-power-of-two.tiff")
    /// 512 x 768 slide at 0.25 µm/px; 64-pixel tiles at 0.5 µm/px cover 128 level-0 pixels: a 4 x 6 grid.
    let options = TileSetOptions(size: 64, mpp: 0.5, minimumTissue: 0.5, slideMPP: 0.25)

    /// Tissue in the left 200 level-0 columns (mask cells of 8 x 8 pixels).
    func leftMask() -> TissueMask {
        let cells = (0..<(64 * 96)).map { $0 % 64 < 25 }
        return TissueMask(cells: cells, width: 64, height: 96, scaleX: 8, scaleY: 8, threshold: 0)
    }

    @Test func gridKeepsSquaresWithEnoughTissue() throws {
        let entries = try TileSetExporter(options: options).plan(Slide(path: slidePath), name: "s", mask: leftMask())
        #expect(entries.map(\.x) == Array(repeating: [0, 128], count: 6).flatMap { $0 })
        #expect(entries.map(\.y) == [0, 128, 256, 384, 512, 640].flatMap { [$0, $0] })
        #expect(entries.allSatisfy { $0.width == 128 && $0.height == 128 && $0.mpp == 0.5 })
        #expect(entries.filter { $0.x == 0 }.allSatisfy { $0.tissueFraction == 1 })
        #expect(entries.filter { $0.x == 128 }.allSatisfy { abs($0.tissueFraction - 9.0 / 16) < 1e-12 })
        #expect(entries.first?.tileID == "s_0_0")
    }

    @Test func exportWritesTilesAndManifestAndSkipsOnRerun() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let slide = try Slide(path: slidePath)
        let entries = try await TileSetExporter(options: options).export(slide, name: "s", to: folder.path, mask: leftMask())
        #expect(entries.count == 12)
        let tile = try PNGCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + entries[3].file))), channels: 3)
        #expect(tile.width == 64 && tile.height == 64)
        let csv = try String(contentsOfFile: folder.path + "/s/manifest.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "tile_id,slide,x,y,width,height,mpp,tissue_fraction,file")
        #expect(csv.dropFirst().first == "s_0_0,s,0,0,128,128,0.5,1.0000,s/s_0_0.png")
        #expect(try TileSetManifest.read(folder.path + "/s/manifest.json") == entries)
        try FileManager.default.removeItem(atPath: folder.path + "/" + entries[0].file)
        let again = try await TileSetExporter(options: options).export(slide, name: "s", to: folder.path, mask: leftMask())
        #expect(again == entries)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/" + entries[0].file))
    }

    @Test func tilesAreTheSquareResizedWithLanczos() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let slide = try Slide(path: slidePath)
        let entries = try await TileSetExporter(options: options).export(slide, name: "s", to: folder.path, mask: leftMask())
        let entry = try #require(entries.first { $0.x == 128 && $0.y == 256 })
        let tile = try PNGCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + entry.file))), channels: 3)
        // Level 1 (2x) holds exactly this square: the tile equals its pixels.
        let region = try slide.readRegion(x: 128, y: 256, level: 1, width: 64, height: 64)
        let rgb = (0..<(64 * 64)).flatMap { region.pixels[($0 * 4)..<($0 * 4 + 3)] }
        #expect(tile.pixels == rgb)
    }

    @Test func slideWithoutMicronsPerPixelIsRefused() throws {
        var options = options
        options.slideMPP = nil
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/tiny-two-levels.tiff"))
        #expect(throws: TilingError.self) { try TileSetExporter(options: options).plan(slide, name: "s", mask: leftMask()) }
    }

    @Test func manifestQuotesFieldsWithCommas() {
        let entry = TileSetEntry(tileID: "a,b_0_0", slide: "a,b", x: 0, y: 0, width: 1, height: 1, mpp: 0.5, tissueFraction: 1, file: "a,b/a,b_0_0.png")
        #expect(TileSetManifest.csv([entry]).split(separator: "\n").last == "\"a,b_0_0\",\"a,b\",0,0,1,1,0.5,1.0000,\"a,b/a,b_0_0.png\"")
    }
}
