import Imaging
import Testing
import TestSupport
import Tiling

/// The viewer's tiles of an item: its box of the slide, cut into 256-pixel tiles, turned as a hidden repeat is shown.
@Suite struct ItemTilesTests {
    static let slide = { try! Slide(path: RepositoryFiles.path("Fixtures/slides/vips-jpeg-power-of-two.tiff")) }()
    static let box = (x: 40, y: 100, width: 300, height: 400)

    /// The shown picture of `level`, its tiles put together.
    static func picture(_ tiles: ItemTiles, level: Int) throws -> PNGCodec.Image {
        let size = tiles.size(level: level), grid = tiles.grid(level: level)
        var pixels = [UInt8](repeating: 0, count: size.width * size.height * 4)
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let tile = try tiles.pixels(level: level, column: column, row: row)
                for y in 0..<tile.height {
                    let target = ((row * tiles.tileSize + y) * size.width + column * tiles.tileSize) * 4
                    pixels.replaceSubrange(target..<(target + tile.width * 4), with: tile.pixels[(y * tile.width * 4)..<((y + 1) * tile.width * 4)])
                }
            }
        }
        return PNGCodec.Image(width: size.width, height: size.height, channels: 4, pixels: pixels)
    }

    @Test func theFinestLevelIsTheSlidesBoxAtLevelZero() throws {
        let tiles = ItemTiles(slide: Self.slide, box: Self.box, orientation: nil)
        #expect(tiles.size(level: tiles.levels - 1) == (300, 400))
        #expect(tiles.grid(level: tiles.levels - 1) == (2, 2))
        let region = try Self.slide.readRegion(x: 40, y: 100, level: 0, width: 300, height: 400)
        #expect(try Self.picture(tiles, level: tiles.levels - 1).pixels == region.pixels)
    }

    @Test(arguments: [PNGCodec.Image.Orientation.clockwise(quarterTurns: 1), .clockwise(quarterTurns: 2), .clockwise(quarterTurns: 3),
                      .mirroredLeftRight, .mirroredTopBottom])
    func aTurnedItemsTilesAreItsPictureTurned(orientation: PNGCodec.Image.Orientation) throws {
        let plain = ItemTiles(slide: Self.slide, box: Self.box, orientation: nil)
        let turned = ItemTiles(slide: Self.slide, box: Self.box, orientation: orientation)
        // The finest level, cut into tiles that do not line up with the unturned ones, and a level one tile holds.
        for level in [plain.levels - 1, plain.levels - 3] {
            #expect(try Self.picture(turned, level: level) == (try Self.picture(plain, level: level)).oriented(orientation), "level \(level)")
        }
    }

    /// 427 × (29 ÷ 427) rounds up to 30 in floating point, as DeepZoomGenerator would size the level; an item's
    /// pyramid is its box exactly, or tiles and shapes would be a pixel apart under a turn.
    @Test func theFinestLevelIsTheBoxEvenWhereScalingWouldRoundUp() throws {
        let slide = try Slide(path: RepositoryFiles.path("Fixtures/slides/vips-jpeg.tiff"))
        let tiles = ItemTiles(slide: slide, box: (x: 10, y: 20, width: 29, height: 22), orientation: .clockwise(quarterTurns: 1))
        #expect(tiles.size(level: tiles.levels - 1) == (22, 29))
    }

    @Test func onlyTheShownPicturesTilesExist() {
        let tiles = ItemTiles(slide: Self.slide, box: Self.box, orientation: .clockwise(quarterTurns: 1))
        let finest = tiles.levels - 1
        #expect(tiles.size(level: finest) == (400, 300))
        #expect(tiles.contains(level: finest, column: 1, row: 1))
        #expect(!tiles.contains(level: finest, column: 2, row: 0))
        #expect(!tiles.contains(level: tiles.levels, column: 0, row: 0))
        #expect(tiles.size(level: 0) == (1, 1))
    }

    @Test func aTileIsAJPEGOfItsPixels() throws {
        let tiles = ItemTiles(slide: Self.slide, box: nil, orientation: nil)
        let jpeg = try tiles.jpeg(level: tiles.levels - 1, column: 1, row: 2)
        #expect(jpeg.starts(with: [0xFF, 0xD8]))
        #expect(tiles.size(level: tiles.levels - 1) == (512, 768))
    }
}
