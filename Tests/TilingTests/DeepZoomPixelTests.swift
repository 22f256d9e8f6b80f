import Crypto
import Foundation
import Imaging
import Testing
import TestSupport
import Tiling

/// Pyramid pixels against openslide-python 1.4.7's DeepZoomGenerator (Fixtures/oracles/deepzoom/pixels.json, from
/// scripts/oracles/deepzoom_pixels_oracle.py): identical RGB where a Deep Zoom level is a slide level; elsewhere
/// (both resample the best slide level with Pillow's Lanczos `thumbnail`, which Arbiter reproduces in fixed point)
/// at least the 40 dB PSNR over each level's recorded tiles (measured: 55 dB or identical), and the same
/// tile sizes, including the tiles `thumbnail` leaves a pixel short.
@Suite struct DeepZoomPixelTests {
    struct Oracle: Decodable {
        struct Case: Decodable, CustomTestStringConvertible {
            let slide: String
            let tile_size: Int
            let overlap: Int
            let levels: [Level]
            var testDescription: String { "\(slide) \(tile_size)/\(overlap)" }
        }

        struct Level: Decodable {
            let level: Int
            let native: Bool
            let tiles: [Tile]
        }

        struct Tile: Decodable {
            let address: [Int]
            let size: [Int]
            let sha256: String?
            let png: String?
        }

        let cases: [Case]
    }

    static let oracle: Oracle = {
        let url = RepositoryFiles.url("Fixtures/oracles/deepzoom/pixels.json")
        return (try? JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))) ?? Oracle(cases: [])
    }()

    static let minimumPSNR = 40.0

    @Test func oracleCoversNativeAndResampledLevels() {
        #expect(Self.oracle.cases.count >= 10)
        #expect(Self.oracle.cases.contains { $0.levels.filter(\.native).count >= 3 })
    }

    static let fixtureCases = oracle.cases.filter { !$0.slide.hasPrefix("../shared/") }
    static let sharedCases = oracle.cases.filter { $0.slide.hasPrefix("../shared/") }

    @Test(arguments: fixtureCases)
    func fixtureTilesMatchDeepZoomGenerator(_ oracleCase: Oracle.Case) async throws {
        try await Self.check(oracleCase)
    }

    @Test(.enabled(if: RepositoryFiles.sharedDataPresent, "../shared/data is absent: real-slide pyramids skipped"), arguments: sharedCases)
    func realSlideTilesMatchDeepZoomGenerator(_ oracleCase: Oracle.Case) async throws {
        try await Self.check(oracleCase)
    }

    static func check(_ oracleCase: Oracle.Case) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let slide = try Slide(path: RepositoryFiles.path(oracleCase.slide))
        let writer = PyramidWriter(options: PyramidOptions(tileSize: oracleCase.tile_size, overlap: oracleCase.overlap, format: .png))
        _ = try await writer.write(slide, to: PyramidFolder(directory: folder.path, name: "s"))
        let geometry = writer.geometry(of: slide)
        for level in oracleCase.levels {
            #expect(geometry.isNative(level.level) == level.native, "level \(level.level)")
            var error = SquaredError()
            for tile in level.tiles {
                let path = "\(folder.path)/s_files/\(level.level)/\(tile.address[0])_\(tile.address[1]).png"
                let ours = try PNGCodec.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), channels: 3)
                #expect([ours.width, ours.height] == tile.size, "level \(level.level) tile \(tile.address)")
                if let hash = tile.sha256 {
                    #expect(SHA256.hash(data: Data(ours.pixels)).map { String(format: "%02x", $0) }.joined() == hash,
                            "level \(level.level) tile \(tile.address)")
                } else if let png = tile.png {
                    error.add(ours, try PNGCodec.decode(RepositoryFiles.bytes("Fixtures/oracles/deepzoom/" + png), channels: 3))
                }
            }
            if !level.native {
                #expect(error.psnr >= Self.minimumPSNR, "level \(level.level): \(error.psnr) dB")
            }
        }
    }
}

/// Sum of squared differences over the pixels two images share (from the top-left corner).
struct SquaredError {
    var sum = 0.0
    var count = 0

    mutating func add(_ a: PNGCodec.Image, _ b: PNGCodec.Image) {
        for y in 0..<min(a.height, b.height) {
            for x in 0..<min(a.width, b.width) {
                for c in 0..<3 {
                    let d = Double(a.pixels[(y * a.width + x) * 3 + c]) - Double(b.pixels[(y * b.width + x) * 3 + c])
                    sum += d * d
                }
                count += 3
            }
        }
    }

    var psnr: Double {
        guard count > 0, sum > 0 else { return .infinity }
        return 10 * log10(255 * 255 / (sum / Double(count)))
    }
}
