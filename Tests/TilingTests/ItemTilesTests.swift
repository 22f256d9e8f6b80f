import Foundation
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

    @Test func aTilesCacheKeyNamesItsItemItsTurnAndItsAddress() {
        let plain = ItemTiles(slide: Self.slide, box: Self.box, orientation: nil)
        let turned = ItemTiles(slide: Self.slide, box: Self.box, orientation: .mirroredLeftRight)
        let other = ItemTiles(slide: Self.slide, box: (x: 41, y: 100, width: 300, height: 400), orientation: nil)
        let keys = [plain.tileKey(level: 9, column: 0, row: 0), turned.tileKey(level: 9, column: 0, row: 0),
                    other.tileKey(level: 9, column: 0, row: 0), plain.tileKey(level: 9, column: 1, row: 0)]
        #expect(Set(keys).count == 4)
        #expect(plain.itemKey == turned.itemKey, "a turn shares the item's small-level picture")
    }

    @Test func aTileIsAJPEGOfItsPixels() throws {
        let tiles = ItemTiles(slide: Self.slide, box: nil, orientation: nil)
        let jpeg = try tiles.jpeg(level: tiles.levels - 1, column: 1, row: 2)
        #expect(jpeg.starts(with: [0xFF, 0xD8]))
        #expect(tiles.size(level: tiles.levels - 1) == (512, 768))
    }
}

/// A slide without levels near the viewer's small ones is read once per item for all of them.
@Suite struct ItemOverviewsTests {
    /// 100 × 100, one level: every Deep Zoom level from 1:4 down would read the whole slide for each tile.
    static let slide = { try! Slide(path: RepositoryFiles.path("Fixtures/slides/tiny-two-levels.tiff")) }()

    @Test func smallLevelsOfASingleLevelSlideAreCutFromOnePictureAndLookTheSame() throws {
        let overviews = ItemOverviews()
        let kept = ItemTiles(slide: Self.slide, box: nil, orientation: nil, overviews: overviews)
        let read = ItemTiles(slide: Self.slide, box: nil, orientation: nil)
        for level in 0...(kept.levels - 3) {
            let (a, b) = (try kept.pixels(level: level, column: 0, row: 0), try read.pixels(level: level, column: 0, row: 0))
            #expect((a.width, a.height) == (b.width, b.height), "level \(level)")
            let difference = zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.reduce(0, +)
            #expect(Double(difference) / Double(max(1, a.pixels.count)) <= 2, "level \(level): mean difference \(difference / max(1, a.pixels.count))")
        }
        #expect(overviews.count == 1)
    }

    @Test func readersAskingAtOnceShareOneRead() throws {
        let overviews = ItemOverviews()
        let tiles = ItemTiles(slide: Self.slide, box: nil, orientation: .clockwise(quarterTurns: 1), overviews: overviews)
        let results = Locked<[PNGCodec.Image]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let image = try? tiles.pixels(level: 3, column: 0, row: 0) { results.withLock { $0.append(image) } }
        }
        #expect(results.withLock { $0.count } == 8)
        #expect(Set(results.withLock { $0.map(\.pixels) }).count == 1)
        #expect(overviews.count == 1)
    }

    @Test func aTurnedItemsSmallLevelsAreItsPictureTurned() throws {
        let overviews = ItemOverviews()
        let plain = ItemTiles(slide: Self.slide, box: (x: 10, y: 0, width: 90, height: 60), orientation: nil, overviews: overviews)
        let turned = ItemTiles(slide: Self.slide, box: (x: 10, y: 0, width: 90, height: 60), orientation: .mirroredTopBottom, overviews: overviews)
        let level = plain.levels - 3
        #expect(try turned.pixels(level: level, column: 0, row: 0) == (try plain.pixels(level: level, column: 0, row: 0)).oriented(.mirroredTopBottom))
    }
}

/// A value behind a lock, for the threads of a test.
final class Locked<Value>: @unchecked Sendable {
    // Safe: every access to `value` holds `lock`.
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
