import ArgumentParser
import Challenge
import Foundation
import Store
import Studies
import Tiling

/// A study's items as the store keeps them: the spec's own regions and slides, or the tiles of a tile-set manifest.
struct StudyItemSource {
    /// The largest manifest read, in bytes (a tile's record is about 200 bytes).
    static let maxManifestBytes = 64 << 20
    /// The most tiles a study takes from one manifest.
    static let maxTiles = 200_000

    /// The challenge folder the manifest path is relative to.
    let folder: URL

    /// An item as the store keeps it, with the file of its picture when it is a tile of a manifest.
    struct Sourced {
        let record: StudyItem
        let tileFile: String?
    }

    func records(_ items: StudyItems) throws -> [Sourced] {
        if let records = items.records { return records.map { Sourced(record: $0, tileFile: nil) } }
        guard case .tiles(let manifest) = items else { return [] }
        return try tiles(manifest: folder.appendingPathComponent(manifest).path)
    }

    /// One `tile` item per manifest entry, its id the tile's id; the manifest is checked against the budgets first.
    /// A tile's file is relative to the manifest's folder.
    func tiles(manifest path: String) throws -> [Sourced] {
        let bytes = try readFile(path, upTo: Self.maxManifestBytes + 1)
        guard bytes.count <= Self.maxManifestBytes else {
            throw ValidationError("\(path) has more than \(Self.maxManifestBytes) bytes; a study's tile manifest may have at most that")
        }
        let entries: [TileSetEntry]
        do {
            entries = try JSONDecoder().decode([TileSetEntry].self, from: Data(bytes))
        } catch {
            throw ValidationError("\(path) is not an `arbiter tiles export` manifest (manifest.json): \(Self.reason(error))")
        }
        guard entries.count <= Self.maxTiles else {
            throw ValidationError("\(path) lists \(entries.count) tiles; a study takes at most \(Self.maxTiles)")
        }
        guard !entries.isEmpty else { throw ValidationError("\(path) lists no tiles") }
        var seen: [String: Int] = [:]
        return try entries.enumerated().map { index, entry in
            if let earlier = seen.updateValue(index, forKey: entry.tileID) {
                throw ValidationError("\(path): tile \(index + 1) has the id \"\(entry.tileID)\" of tile \(earlier + 1)")
            }
            guard !entry.tileID.isEmpty, !entry.slide.isEmpty, entry.width > 0, entry.height > 0 else {
                throw ValidationError("\(path): tile \(index + 1) (\"\(entry.tileID)\") needs an id, a slide and a positive width and height")
            }
            let box = RegionBox(x: entry.x, y: entry.y, width: entry.width, height: entry.height)
            return Sourced(record: ItemDescription(slide: entry.slide, box: box, mpp: entry.mpp).record(id: entry.tileID, kind: "tile"),
                           tileFile: entry.file.isEmpty ? nil : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(entry.file).path)
        }
    }

    /// A decoding error's where and why, without Foundation's debug noise.
    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context): "tile \(Self.index(context.codingPath)): no \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "tile \(Self.index(context.codingPath)), \(context.codingPath.last?.stringValue ?? "value"): \(context.debugDescription)"
        case .dataCorrupted(let context): context.debugDescription
        default: "\(error)"
        }
    }

    private static func index(_ path: [any CodingKey]) -> String {
        path.first?.intValue.map { "\($0 + 1)" } ?? "?"
    }
}
