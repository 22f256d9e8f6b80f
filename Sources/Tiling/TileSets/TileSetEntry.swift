import Foundation

/// One tile of an annotation tile set, as the manifest lists it.
public struct TileSetEntry: Sendable, Codable, Equatable {
    /// `<slide>_<x>_<y>`: unique within a batch whose slide names are unique, and stable across runs.
    public var tileID: String
    public var slide: String
    /// The tile's square in level-0 pixels.
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    /// Microns per pixel of the written tile.
    public var mpp: Double
    /// Fraction of the square that the tissue mask marks as tissue.
    public var tissueFraction: Double
    /// The tile's file, relative to the output folder.
    public var file: String

    enum CodingKeys: String, CodingKey {
        case tileID = "tile_id", slide, x, y, width, height, mpp, tissueFraction = "tissue_fraction", file
    }

    static let csvHeader = "tile_id,slide,x,y,width,height,mpp,tissue_fraction,file"

    var csvLine: String {
        [tileID, slide, "\(x)", "\(y)", "\(width)", "\(height)", "\(mpp)", String(format: "%.4f", tissueFraction), file]
            .map { $0.contains(",") || $0.contains("\"") ? "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" : $0 }
            .joined(separator: ",")
    }
}
