import Foundation
import Testing
import Tiling
import TestSupport

/// The geometry of openslide-python 1.4.7's DeepZoomGenerator on 26 slides (fixtures and the real slides of
/// ../shared) under five settings, from Fixtures/oracles/deepzoom/expected.json (scripts/oracles/deepzoom_oracle.py).
@Suite struct DeepZoomGeometryTests {
    struct Oracle: Decodable {
        struct Case: Decodable, CustomTestStringConvertible {
            let name: String
            let level_dimensions: [[Int]]
            let level_downsamples: [Double]
            let bounds: [String: String?]
            let settings: [Setting]
            var testDescription: String { name }
        }

        struct Setting: Decodable {
            let tile_size: Int
            let overlap: Int
            let limit_bounds: Bool
            let levels: [Level]
        }

        struct Level: Decodable {
            let dimensions: [Int]
            let tiles: [Int]
            let slide_level: Int
            let sample: [Tile]
        }

        struct Tile: Decodable {
            let address: [Int]
            let location: [Int]
            let slide_level: Int
            let size: [Int]
            let tile: [Int]
        }

        let cases: [Case]
    }

    static let oracle: Oracle = {
        let url = RepositoryFiles.url("Fixtures/oracles/deepzoom/expected.json")
        return (try? JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))) ?? Oracle(cases: [])
    }()

    @Test func oracleCoversTheFixturesAndTheRealSlides() {
        #expect(Self.oracle.cases.count >= 20)
    }

    @Test(arguments: oracle.cases)
    func geometryMatchesDeepZoomGenerator(slide: Oracle.Case) {
        func bound(_ key: String) -> Int? { (slide.bounds[key] ?? nil).flatMap { Int($0) } }
        let facts = DeepZoomGeometry.SlideFacts(
            levelDimensions: slide.level_dimensions.map { ($0[0], $0[1]) }, levelDownsamples: slide.level_downsamples,
            bounds: (bound("x"), bound("y"), bound("width"), bound("height")))
        for setting in slide.settings {
            let geometry = DeepZoomGeometry(slide: facts, tileSize: setting.tile_size, overlap: setting.overlap, limitBounds: setting.limit_bounds)
            #expect(geometry.levelDimensions.map { [$0.width, $0.height] } == setting.levels.map(\.dimensions))
            #expect(geometry.levelTiles.map { [$0.columns, $0.rows] } == setting.levels.map(\.tiles))
            #expect(geometry.slideLevels == setting.levels.map(\.slide_level))
            for (level, expected) in setting.levels.enumerated() where level < geometry.levelDimensions.count {
                for tile in expected.sample {
                    let ours = geometry.tile(level: level, column: tile.address[0], row: tile.address[1])
                    #expect([ours.location.x, ours.location.y] == tile.location, "level \(level) tile \(tile.address)")
                    #expect(ours.slideLevel == tile.slide_level)
                    #expect([ours.size.width, ours.size.height] == tile.size, "level \(level) tile \(tile.address)")
                    #expect([ours.tileSize.width, ours.tileSize.height] == tile.tile)
                }
            }
        }
    }

    @Test func bestLevelIsTheLastWhoseDownsampleDoesNotExceed() {
        #expect(DeepZoomGeometry.bestLevel(for: 0.5, downsamples: [1, 4, 16]) == 0)
        #expect(DeepZoomGeometry.bestLevel(for: 4, downsamples: [1, 4, 16]) == 1)
        #expect(DeepZoomGeometry.bestLevel(for: 15.9, downsamples: [1, 4, 16]) == 1)
        #expect(DeepZoomGeometry.bestLevel(for: 64, downsamples: [1, 4, 16]) == 2)
    }
}
