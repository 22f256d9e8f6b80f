/// What the readers read: exactly one source kind per study.
public enum StudyItems: Sendable, Equatable, Codable {
    /// The tiles of an `arbiter tiles export` manifest: the JSON file it writes (`OUT/manifest.json`, or
    /// `OUT/<slide>/manifest.json`, `OUT/manifest-<i>-of-<n>.json`), relative to the challenge's folder. Each tile
    /// (`tile_id`) is an item.
    case tiles(manifest: String)
    /// Rectangles of whole-slide images, each an item.
    case regions([StudyRegion])
    /// Whole slides, each an item.
    case slides([StudySlide])

    /// The item ids listed in the spec; empty for a tile set, whose ids are in its manifest.
    public var listedIDs: [String] {
        switch self {
        case .tiles: []
        case .regions(let regions): regions.map(\.id)
        case .slides(let slides): slides.map(\.id)
        }
    }
}

extension StudyItems {
    /// `12 slides`, `40 regions`, `the tiles of tiles/manifest.json`: for a one-line summary.
    public var summary: String {
        switch self {
        case .tiles(let manifest): "the tiles of \(manifest)"
        case .regions(let regions): "\(regions.count) regions"
        case .slides(let slides): "\(slides.count) slides"
        }
    }
}
