import ArgumentParser
import Challenge
import Foundation
import Imaging
import Store
import Studies
import Tiling

/// The pictures a study's readers are shown, made once by `study add` and kept in the blob store as PNG: a tile's own
/// file (from its manifest), a region read from its slide, or a whole slide's overview. The server only turns them
/// for hidden repeats; it never reads a slide while a reader waits.
struct StudyItemImages {
    /// The longest side of a region's or a slide's picture, in pixels: a region is read from the slide level closest
    /// to it (so a picture may be up to twice as long), a slide's overview is reduced to it.
    static let longestSide = 2048
    /// The most bytes a tile's file may have.
    static let maxTileBytes = 64 << 20

    /// The folder holding the study's slides (`<slide>` or `<slide>.<ext>`), for regions and whole slides.
    let slides: URL?

    /// A PNG for `item`, or nil when nothing says where its pixels are (a region or slide with no slides folder).
    /// `tileFile`: the tile's file, for a tile from a manifest.
    func png(for item: StudyItem, tileFile: String?) throws -> [UInt8]? {
        if let tileFile { return try tile(tileFile, item: item.itemID) }
        guard let slides, let description = ItemDescription(item) else { return nil }
        guard let path = SlideFolder(slides).path(of: description.slide) else {
            throw ValidationError("item \(item.itemID): no slide \(description.slide) in \(slides.path)")
        }
        do {
            let slide = try Slide(path: path)
            guard let box = description.regionBox else {
                return try PNGCodec.encode(overview(SlideThumbnail(slide: slide, longestSide: Self.longestSide)))
            }
            return try PNGCodec.encode(region(box, of: slide).pngImage)
        } catch {
            throw ValidationError("item \(item.itemID): cannot make its picture from \(path): \(error)")
        }
    }

    /// The tile's file as it is, once it has shown itself to be a PNG within the budgets.
    private func tile(_ path: String, item: String) throws -> [UInt8] {
        let bytes = try readFile(path, upTo: Self.maxTileBytes + 1)
        guard bytes.count <= Self.maxTileBytes else {
            throw ValidationError("tile \(item): \(path) has more than \(Self.maxTileBytes) bytes")
        }
        do {
            _ = try PNGCodec.decode(bytes, channels: 4, maximumPixels: 1 << 26)
        } catch {
            let format = bytes.starts(with: [0xFF, 0xD8]) ? "a JPEG" : "not a PNG"
            throw ValidationError("tile \(item): \(path) is \(format) (\(error)); a study shows PNG tiles: export them with "
                                  + "`arbiter tiles export --format png`")
        }
        return bytes
    }

    /// The level-0 `box` read from the level closest to `longestSide` pixels.
    private func region(_ box: RegionBox, of slide: Slide) throws -> RGBAImage {
        let downsample = max(1, Double(max(box.width, box.height)) / Double(Self.longestSide))
        let level = slide.bestLevel(forDownsample: downsample)
        let factor = slide.levels[level].downsample
        let width = max(1, Int((Double(box.width) / factor).rounded(.up)))
        let height = max(1, Int((Double(box.height) / factor).rounded(.up)))
        return try slide.readRegion(x: box.x, y: box.y, level: level, width: width, height: height)
    }

    private func overview(_ thumbnail: SlideThumbnail) -> PNGCodec.Image {
        PNGCodec.Image(width: thumbnail.width, height: thumbnail.height, channels: 3, pixels: thumbnail.pixels)
    }
}
