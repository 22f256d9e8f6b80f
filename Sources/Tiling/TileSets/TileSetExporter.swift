import Foundation
import Imaging

/// Cuts an annotation tile set from a slide: square tiles of `size` pixels at `mpp` microns per pixel on a grid over
/// the slide (whole squares only), kept where the tissue mask covers at least `minimumTissue` of the square. Each
/// tile is read from the best slide level for its scale and resized with Pillow's Lanczos filter over the exact
/// square. Files go to `<out>/<slide>/<tile_id>.<png|jpeg>`, then the slide's manifest (`<out>/<slide>/manifest.csv`
/// and `.json`, JSON last); a slide whose manifest JSON exists is not cut again.
public struct TileSetExporter: Sendable {
    public let options: TileSetOptions

    public init(options: TileSetOptions = TileSetOptions()) {
        self.options = options
    }

    /// The tiles of the grid that pass the tissue threshold (nothing is read or written).
    public func plan(_ slide: Slide, name: String, mask: TissueMask) throws -> [TileSetEntry] {
        let scale = try levelZeroPixelsPerTilePixel(slide)
        let side = Double(options.size) * scale
        let base = slide.levels[0]
        var entries: [TileSetEntry] = []
        for row in 0..<Int(Double(base.height) / side) {
            for column in 0..<Int(Double(base.width) / side) {
                let (x, y) = (Int((Double(column) * side).rounded()), Int((Double(row) * side).rounded()))
                let fraction = mask.tissueFraction(x: Double(x), y: Double(y), width: side, height: side)
                guard fraction >= options.minimumTissue, fraction > 0 else { continue }
                let id = "\(name)_\(x)_\(y)"
                entries.append(TileSetEntry(tileID: id, slide: name, x: x, y: y, width: Int(side.rounded()), height: Int(side.rounded()),
                                            mpp: options.mpp, tissueFraction: fraction, file: "\(name)/\(id).\(options.format.suffix)"))
            }
        }
        return entries
    }

    /// Cuts and writes the slide's tiles and manifest under `directory`; returns the manifest's entries.
    public func export(_ slide: Slide, name: String, to directory: String, mask: TissueMask) async throws -> [TileSetEntry] {
        let folder = "\(directory)/\(name)"
        if FileManager.default.fileExists(atPath: "\(folder)/manifest.json") { return try TileSetManifest.read("\(folder)/manifest.json") }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let entries = try plan(slide, name: name, mask: mask)
        let scale = try levelZeroPixelsPerTilePixel(slide)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, entry) in entries.enumerated() {
                if index >= options.concurrency * 2 { try await group.next() }
                group.addTask { try writeTile(entry, slide: slide, scale: scale, directory: directory) }
            }
            try await group.waitForAll()
        }
        try TileSetManifest.write(entries, directory: folder, stem: "manifest")
        return entries
    }

    private func writeTile(_ entry: TileSetEntry, slide: Slide, scale: Double, directory: String) throws {
        let level = slide.bestLevel(forDownsample: scale)
        let downsample = slide.levels[level].downsample
        let extent = Double(options.size) * scale / downsample
        let read = max(1, Int(extent.rounded(.up)))
        var region = try slide.readRegion(x: entry.x, y: entry.y, level: level, width: read, height: read)
        region.pixels.withUnsafeMutableBytes { WhiteBackground.flatten($0) }
        let tile = PillowResampling.resize(PillowResampling.Image(width: read, height: read, pixels: region.pixels),
                                           width: options.size, height: options.size, box: (0, 0, extent, extent))
        let band = PixelBand(PixelRows(firstRow: 0, width: tile.width, height: tile.height, copying: tile.pixels))
        let bytes = try TileEncoding.encode(band, x: 0, y: 0, width: tile.width, height: tile.height, format: options.format)
        try PyramidFolder.writeAtomically(bytes, to: "\(directory)/\(entry.file)")
    }

    /// Level-0 pixels per tile pixel: the wanted mpp over the slide's.
    func levelZeroPixelsPerTilePixel(_ slide: Slide) throws -> Double {
        guard let slideMPP = options.slideMPP ?? slide.properties["openslide.mpp-x"].flatMap(Double.init), slideMPP > 0 else {
            throw TilingError(path: slide.path, "no microns per pixel: the slide has no openslide.mpp-x property; give the slide's with --slide-mpp")
        }
        return options.mpp / slideMPP
    }
}
