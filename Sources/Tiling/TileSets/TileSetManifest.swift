import Foundation

/// The manifest of a tile set, as CSV (`TileSetEntry.csvHeader` columns) and as a JSON array of the same records.
public enum TileSetManifest {
    public static func csv(_ entries: [TileSetEntry]) -> String {
        ([TileSetEntry.csvHeader] + entries.map(\.csvLine)).joined(separator: "\n") + "\n"
    }

    public static func json(_ entries: [TileSetEntry]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(entries)) + [10]
    }

    /// Writes `<stem>.csv` and `<stem>.json` atomically, the JSON last (its presence marks a finished manifest).
    public static func write(_ entries: [TileSetEntry], directory: String, stem: String) throws {
        try PyramidFolder.writeAtomically(Array(csv(entries).utf8), to: "\(directory)/\(stem).csv")
        try PyramidFolder.writeAtomically(json(entries), to: "\(directory)/\(stem).json")
    }

    /// Reads a JSON manifest written by `write`.
    public static func read(_ path: String) throws -> [TileSetEntry] {
        do {
            return try JSONDecoder().decode([TileSetEntry].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw TilingError(path: path, "not a tile-set manifest: \(error)")
        }
    }
}
