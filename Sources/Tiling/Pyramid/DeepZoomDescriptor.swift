/// The `.dzi` file of a pyramid: the `http://schemas.microsoft.com/deepzoom/2008` XML, laid out byte for byte as
/// libvips' `dzsave` writes it, so any Deep Zoom viewer (OpenSeadragon, …) opens either.
public struct DeepZoomDescriptor: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var tileSize: Int
    public var overlap: Int
    public var format: TileFormat

    public init(width: Int, height: Int, tileSize: Int, overlap: Int, format: TileFormat) {
        self.width = width
        self.height = height
        self.tileSize = tileSize
        self.overlap = overlap
        self.format = format
    }

    public var xml: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Image xmlns="http://schemas.microsoft.com/deepzoom/2008"
          Format="\(format.suffix)"
          Overlap="\(overlap)"
          TileSize="\(tileSize)"
          >
          <Size \("")
            Height="\(height)"
            Width="\(width)"
          />
        </Image>

        """
    }

    /// Where tile (`column`, `row`) of `level` goes, relative to the folder holding the `.dzi`.
    public static func tilePath(name: String, level: Int, column: Int, row: Int, format: TileFormat) -> String {
        "\(name)_files/\(level)/\(column)_\(row).\(format.suffix)"
    }
}
