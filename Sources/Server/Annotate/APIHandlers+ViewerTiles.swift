import Challenge
import Foundation
import HTTPTypes
import Imaging
import Logging
import Store
import Studies
import Tiling

/// The viewer's tiles of an item, for the reader's and the adjudicator's pages: made from the item's slide, shown as
/// the caller's assignment shows it. The caller's right to the item is checked by the page before this is asked.
extension APIHandlers {
    /// What the viewer needs of an assignment's item: its tiles (nil without its slide) and its frame.
    struct ViewerItem: Sendable {
        let tiles: ItemTiles?
        let frame: ItemFrame?
        let description: ItemDescription?

        /// Microns per level-0 pixel: the spec's or tile set's, else the slide's own.
        var mpp: Double? {
            description?.mpp ?? tiles.flatMap { Double($0.slide.properties["openslide.mpp-x"] ?? "") }
        }
    }

    func viewerItem(_ itemID: String, transform: RepeatTransform?, in study: ReaderStudy) throws -> ViewerItem {
        let item = try store.studyItems(study.study).first { $0.itemID == itemID }
        guard let description = item.flatMap(ItemDescription.init) else {
            return ViewerItem(tiles: nil, frame: nil, description: nil)
        }
        // A slide that cannot be opened leaves the viewer its picture: the page still works, and the log says why.
        let tiles: ItemTiles?
        do {
            tiles = try viewer.tiles(of: description, transform: transform)
        } catch {
            logger.warning("the viewer cannot open slide \(description.slide) of study \(study.study.slug): \(error)")
            tiles = nil
        }
        // The frame from the slide already open (or not): opening it again would fail, and log, a second time.
        let frame = ItemFrame(description, transform: transform, slideSize: tiles.map { ($0.slide.levels[0].width, $0.slide.levels[0].height) })
        return ViewerItem(tiles: tiles, frame: frame, description: description)
    }

    /// `viewerItem` for a page about to show the item: its small levels are made ready first, so that a slide without
    /// levels near them is read once now rather than while the viewer waits for its first tiles.
    func viewerItemForPage(_ itemID: String, transform: RepeatTransform?, in study: ReaderStudy) throws -> ViewerItem {
        let item = try viewerItem(itemID, transform: transform, in: study)
        do {
            try item.tiles?.prepareSmallLevels()
        } catch {
            logger.warning("the viewer cannot read the small levels of slide \(item.description?.slide ?? "?"): \(error)")
        }
        return item
    }

    /// Tile `level`/`column`_`row` of `item`; `missing` names the item as the caller knows it.
    func viewerTile(_ item: ViewerItem, level: Int, column: Int, row: Int, missing: String) throws -> TileByteCache.Entry {
        guard let tiles = item.tiles else {
            throw APIError.notFound("\(missing) has no tiles: the server has no slides folder with its slide")
        }
        guard tiles.contains(level: level, column: column, row: row) else {
            throw APIError.notFound("\(missing) has no tile \(column)_\(row) at level \(level)")
        }
        do {
            return try viewer.tile(tiles, level: level, column: column, row: row)
        } catch {
            // The slide was readable when opened; a tile that fails now is the server's trouble, not the caller's.
            logger.error("viewer tile \(tiles.tileKey(level: level, column: column, row: row)) failed: \(error)")
            throw APIError(.internalServerError, code: "tile-unreadable", message: "tile \(column)_\(row) at level \(level) of \(missing) could not be made")
        }
    }
}
