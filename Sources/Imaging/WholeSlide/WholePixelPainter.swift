import Parallel

/// Paints the tiles of one OpenSlide surface when cairo places them all on whole pixels. SATURATE painting onto a
/// transparent surface then amounts to copying each tile's visible part, and tiles never overlap, so they are
/// painted in any order, on several threads when `SlideOptions.regionThreads` allows. A JPEG or JPEG 2000 tile the
/// region only partly shows is decoded straight into the image, just where it shows (libjpeg-turbo's crop and skip,
/// OpenJPEG's decode area), and is not cached.
struct WholePixelPainter {
    let slide: Slide
    let level: Int
    let surface: RegionPainter.Area

    private var source: LevelSource { slide.sources[level] }

    /// The work one tile needs. `left` and `top` are where the tile's top-left corner lands in the image.
    private enum Job {
        /// Copy a tile the cache already holds.
        case copy([UInt8], left: Int, top: Int)
        /// Decode the whole tile (or redraw it, or take it from the cache), keep it in the cache, copy its visible part.
        case whole(tile: Int, left: Int, top: Int)
        /// Decode only `window` of the tile, straight into the image.
        case window(tile: Int, ImageWindow, left: Int, top: Int)
    }

    func paint(_ placements: [TilePlacement], into image: inout RGBAImage) throws(SlideError) {
        let jobs = placements.map(job)
        let decodes = jobs.count { if case .copy = $0 { false } else { true } }
        let threads = min(slide.decoding.options.regionThreads, decodes)
        let imageWidth = image.width
        try SlideError.typed {
            try image.pixels.withUnsafeMutableBytes { pixels in
                let target = Target(pixels: pixels, width: imageWidth)
                // Jobs differ a lot in cost (a whole JPEG 2000 tile, a sliver of one); ParallelMap's workers take
                // the next job. With one thread they run in the caller's thread, in order.
                _ = try ParallelMap.map(count: jobs.count, threads: threads) { (position) throws(SlideError) in
                    try run(jobs[position], on: target)
                }
            }
        }
    }

    private func job(for placement: TilePlacement) -> Job {
        let index = placement.index
        let left = surface.originX + CairoPlacement.nearest(placement.x)
        let top = surface.originY + CairoPlacement.nearest(placement.y)
        if let pixels = slide.cache.tile(TileCache.Key(level: level, tile: index)) { return .copy(pixels, left: left, top: top) }
        guard !source.missingTiles.contains(index), !source.codec.mayHavePartialAlpha(samplesPerPixel: source.directory.samplesPerPixel),
              let window = visibleWindow(index, left: left, top: top), worthDecodingAlone(window)
        else { return .whole(tile: index, left: left, top: top) }
        return .window(tile: index, window, left: left, top: top)
    }

    /// The part of the tile's pixels inside the image that the surface shows; nil when it shows all of them or none.
    private func visibleWindow(_ index: Int, left: Int, top: Int) -> ImageWindow? {
        let (column, row) = (index % source.tilesAcross, index / source.tilesAcross)
        let visibleWidth = min(source.tileWidth, source.width - column * source.tileWidth)
        let visibleHeight = min(source.tileHeight, source.height - row * source.tileHeight)
        let fromX = max(0, surface.originX - left), toX = min(visibleWidth, surface.originX + surface.width - left)
        let fromY = max(0, surface.originY - top), toY = min(visibleHeight, surface.originY + surface.height - top)
        guard fromX < toX, fromY < toY, !(fromX == 0 && fromY == 0 && toX == visibleWidth && toY == visibleHeight) else { return nil }
        return ImageWindow(x: fromX, y: fromY, width: toX - fromX, height: toY - fromY)
    }

    /// OpenJPEG decodes every code-block the wavelet reaches from a window, so a window over half of a JPEG 2000
    /// tile costs about what the whole tile does; such tiles are decoded whole and kept in the cache instead.
    private func worthDecodingAlone(_ window: ImageWindow) -> Bool {
        switch source.codec {
        case .jpeg2000: 2 * window.width * window.height < source.tileWidth * source.tileHeight
        case .jpeg, .libtiff: true
        }
    }

    private func run(_ job: Job, on target: Target) throws(SlideError) {
        switch job {
        case .copy(let pixels, let left, let top):
            target.copy(pixels, from: source, atX: left, y: top, clippedTo: surface)
        case .whole(let tile, let left, let top):
            guard let pixels = try slide.tile(level: level, index: tile) else { return }
            target.copy(pixels, from: source, atX: left, y: top, clippedTo: surface)
        case .window(let tile, let window, let left, let top):
            let offset = ((top + window.y) * target.width + left + window.x) * 4
            let destination = UnsafeMutableRawBufferPointer(rebasing: target.pixels[offset...])
            if try slide.decoding.decodeWindow(source, tile: tile, window: window, rowBytes: target.width * 4, into: destination) {
                return
            }
            try run(.whole(tile: tile, left: left, top: top), on: target)
        }
    }

    /// The region's pixels while its tiles are painted. Workers write to it at once, each to a rectangle no other
    /// tile covers, and the array it points into outlives them: hence unchecked.
    private struct Target: @unchecked Sendable {
        let pixels: UnsafeMutableRawBufferPointer
        let width: Int

        func copy(_ tile: [UInt8], from source: LevelSource, atX x: Int, y: Int, clippedTo surface: RegionPainter.Area) {
            tile.withUnsafeBytes { tile in
                surface.copy(tile, width: source.tileWidth, height: source.tileHeight, atX: x, y: y, into: pixels, imageWidth: width)
            }
        }
    }
}
