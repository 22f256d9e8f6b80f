import Challenge
import Foundation
import Store

/// Where an item lies, as the store keeps it (`StudyItem.description`, JSON with sorted keys): its slide and, for a tile
/// or region, its level-0 box and pixel size. The viewer and shape agreement read it back.
public struct ItemDescription: Codable, Sendable, Equatable {
    public let slide: String
    /// x, y, width, height in level-0 pixels; nil for a whole slide.
    public let box: [Int]?
    /// Microns per level-0 pixel, when the spec or the tile set gives it.
    public let mpp: Double?
    /// The SHA-256 of the PNG readers are shown (in the blob store), when `study add` could make one: the tile's own
    /// file, the region read from its slide, or the slide's overview. Never shown to a reader: two assignments
    /// with the same digest would be one item read twice.
    public let image: String?

    public init(slide: String, box: RegionBox? = nil, mpp: Double? = nil, image: String? = nil) {
        self.slide = slide
        self.box = box.map { [$0.x, $0.y, $0.width, $0.height] }
        self.mpp = mpp
        self.image = image
    }

    /// The same place with the image `digest` (nil: none).
    public func with(image digest: String?) -> ItemDescription {
        ItemDescription(slide: slide, box: regionBox, mpp: mpp, image: digest)
    }

    /// The item's box, when it has one of four values.
    public var regionBox: RegionBox? {
        guard let box, box.count == 4 else { return nil }
        return RegionBox(x: box[0], y: box[1], width: box[2], height: box[3])
    }

    /// The store's record of the item `id`, of `kind` (`tile`, `region` or `slide`).
    public func record(id: String, kind: String) -> StudyItem {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding three plain fields cannot fail.
        let text = String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
        return StudyItem(itemID: id, kind: kind, description: text)
    }

    /// The description of a stored item; nil when its text is not one.
    public init?(_ item: StudyItem) {
        guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(item.description.utf8)) else { return nil }
        self = decoded
    }
}

extension StudyItems {
    /// The store's items for regions and whole slides; nil for a tile set, whose items the caller reads from its
    /// manifest (`ItemDescription.record`).
    public var records: [StudyItem]? {
        switch self {
        case .tiles: nil
        case .regions(let regions):
            regions.map { ItemDescription(slide: $0.slide, box: $0.box, mpp: $0.mpp).record(id: $0.id, kind: "region") }
        case .slides(let slides):
            slides.map { ItemDescription(slide: $0.slide).record(id: $0.id, kind: "slide") }
        }
    }
}
