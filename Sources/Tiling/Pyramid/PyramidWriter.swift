import Imaging

/// Writes a slide's Deep Zoom pyramid (`NAME.dzi` and `NAME_files/<level>/<column>_<row>.<jpeg|png>`) with
/// DeepZoomGenerator's geometry.
///
/// - **Pixels**: a Deep Zoom level that is a slide level (same downsample and size) is read from that level in strips,
///   so its tiles hold the slide's pixels, as DeepZoomGenerator's do. Other levels are made as DeepZoomGenerator
///   makes them (`ResampledTile`: each tile's region from the best slide level, Pillow's Lanczos `thumbnail`
///   reproduced in fixed point), when within 8x of a slide level or small; levels further from any slide level, and
///   all of them with `PyramidResampling.box`, are the level above averaged over 2 x 2 blocks (`BoxReduction`) as its
///   rows are produced.
/// - **Memory**: levels stream by rows of tiles (`LevelRows`), so what is held is a few rows of tiles per level,
///   whatever the slide's height.
/// - **Cores**: strips are read in column chunks on every core, and tiles are encoded and written by a bounded
///   number of tasks while the next strip is read.
/// - **Atomicity**: see `PyramidFolder`; a finished pyramid is skipped.
public struct PyramidWriter: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Tiles written, and tiles left out as background.
        case written(tiles: Int, background: Int)
        /// The `.dzi` and its tiles were already there.
        case alreadyFinished
    }

    public let options: PyramidOptions

    public init(options: PyramidOptions = PyramidOptions()) {
        self.options = options
    }

    /// The geometry this writer gives a slide.
    public func geometry(of slide: Slide) -> DeepZoomGeometry {
        DeepZoomGeometry(slide: .init(slide), tileSize: options.tileSize, overlap: options.overlap, limitBounds: options.limitBounds)
    }

    /// Writes the pyramid of `slide` into `folder`; `mask` is required with `skipBackground`.
    public func write(_ slide: Slide, to folder: PyramidFolder, mask: TissueMask? = nil,
                      progress: ProgressStyle = .quiet) async throws -> Outcome {
        if folder.isFinished { return .alreadyFinished }
        let geometry = geometry(of: slide)
        try folder.prepare(levels: geometry.levelDimensions.count)
        let meter = TileProgress(label: folder.name, total: geometry.tileCount, style: progress)
        let run = PyramidRun(slide: slide, geometry: geometry, folder: folder, options: options,
                             mask: options.skipBackground ? mask : nil, meter: meter)
        let background = try await run.writeAllTiles()
        let top = geometry.levelDimensions[geometry.levelDimensions.count - 1]
        try folder.finish(descriptor: DeepZoomDescriptor(width: top.width, height: top.height, tileSize: options.tileSize,
                                                         overlap: options.overlap, format: options.format))
        meter.finish()
        return .written(tiles: geometry.tileCount - background, background: background)
    }
}
