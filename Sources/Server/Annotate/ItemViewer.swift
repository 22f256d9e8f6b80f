import Challenge
import Foundation
import Imaging
import Store
import Studies
import Synchronization
import Tiling

/// What the reader's and the adjudicator's viewer are served: Deep Zoom tiles of an item, made from its slide in the
/// server's slides folder when first asked for and kept in a `TileByteCache`. Slides stay open between requests, a
/// few at a time. Without a slides folder, or when the item's slide is not in it, the viewer shows the item's
/// picture alone.
final class ItemViewer: Sendable {
    let slides: SlideFolder?
    let tiles: TileByteCache
    let grants = ViewerGrants()
    let overviews = ItemOverviews()
    /// Slides kept open, by the name items give them (finding a name's file may list the folder).
    private let open = Mutex<[String: Slide]>([:])
    private let maximumOpen = 16

    init(slides: SlideFolder?, cacheBytes: Int = 256 << 20) {
        self.slides = slides
        tiles = TileByteCache(budget: cacheBytes)
    }

    /// The tiles of `item` shown under `transform`; nil when its slide is not here.
    func tiles(of item: ItemDescription, transform: RepeatTransform?) throws -> ItemTiles? {
        guard let slide = try slide(item.slide) else { return nil }
        let box = item.regionBox.map { ($0.x, $0.y, $0.width, $0.height) }
        return ItemTiles(slide: slide, box: box, orientation: transform?.orientation, overviews: overviews)
    }

    /// The size of `item`'s slide at level 0, when the slide is here (a whole slide's frame needs it).
    func slideSize(of item: ItemDescription) throws -> (width: Int, height: Int)? {
        try slide(item.slide).map { ($0.levels[0].width, $0.levels[0].height) }
    }

    /// The frame `item` is shown in: its box, or the whole slide when the slide is here.
    func frame(of item: ItemDescription, transform: RepeatTransform?) throws -> ItemFrame? {
        if item.regionBox != nil { return ItemFrame(item, transform: transform, slideSize: nil) }
        return ItemFrame(item, transform: transform, slideSize: try slideSize(of: item))
    }

    /// Tile (`level`, `column`, `row`) of `tiles` as JPEG with its tag, from the cache or made now.
    func tile(_ tiles: ItemTiles, level: Int, column: Int, row: Int) throws -> TileByteCache.Entry {
        let name = tiles.tileKey(level: level, column: column, row: row)
        if let cached = self.tiles.entry(name) { return cached }
        let bytes = try tiles.jpeg(level: level, column: column, row: row)
        let entry = TileByteCache.Entry(bytes: bytes, tag: String(ContentDigest.sha256(bytes).prefix(32)))
        self.tiles.keep(entry, for: name)
        return entry
    }

    /// The tile, if it was made already.
    func cachedTile(_ tiles: ItemTiles, level: Int, column: Int, row: Int) -> TileByteCache.Entry? {
        self.tiles.entry(tiles.tileKey(level: level, column: column, row: row))
    }

    private func slide(_ name: String) throws -> Slide? {
        if let slide = open.withLock({ $0[name] }) { return slide }
        guard let path = slides?.path(of: name) else { return nil }
        let slide = try Slide(path: path)
        open.withLock { open in
            if open.count >= maximumOpen, let any = open.keys.first { open[any] = nil }
            open[name] = slide
        }
        return slide
    }
}
