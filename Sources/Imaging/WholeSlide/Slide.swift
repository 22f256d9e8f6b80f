
// Whole-slide images: how Arbiter reads them and where it differs from OpenSlide.
//
// `Slide` opens Aperio SVS files, generic tiled TIFF pyramids and SubIFD pyramids, and reads regions exactly as
// openslide-python's `read_region` returns them (non-premultiplied RGBA, transparent outside the image).
//
// ```swift
// let slide = try Slide(path: "CMU-1.svs")              // levels, properties, associatedImageNames
// let level = slide.bestLevel(forDownsample: 4)
// let region = try slide.readRegion(x: 1000, y: 2000, level: level, width: 512, height: 512)
// try PNGCodec.write(region.pngImage, to: "region.png")
// ```
//
// From the command line: `arbiter slide info FILE [--json]`, `arbiter slide region FILE --x X --y Y --level L
// --size WxH --out region.png`, `arbiter slide associated FILE NAME --out label.png`.
//
// ## How it reads
// - **Opening** (`TIFFStructure`): libtiff walks every directory (main chain and SubIFDs) once, with error and warning
//   handlers that fill a per-handle buffer (`CTIFF/shim.h`), so libtiff never prints and its messages become
//   `SlideError`s naming the file, the directory and the tag. Sizes are checked before anything is allocated for them
//   (`SlideLimits`), tile extents against the file size, and IFD loops refused.
// - **Formats** (`SlideFormats.ordered`): `AperioFormat`, `SubIFDPyramidFormat` (only when the main chain has no
//   reduced levels, so files OpenSlide reads as pyramids keep its levels), then `GenericTIFFFormat`; each builds the
//   levels, associated images and OpenSlide's properties.
// - **Tiles** (`TileDecoding`): JPEG and JPEG 2000 tiles are read by offset with `pread` (no handle, no lock) and decoded
//   with libjpeg-turbo (OpenSlide's defaults; errors through a `setjmp` wrapper, never `exit`) or OpenJPEG (OpenSlide's
//   YCbCr tables; optionally multi-threaded). Everything else goes through libtiff's RGBA interface on a handle
//   borrowed from `TIFFHandlePool`, as OpenSlide's fallback does. Decoded tiles go to a `TileCache` with a byte budget
//   shared by every task reading the slide. A tile the region only partly shows, if not cached, is decoded just
//   where it shows (libjpeg-turbo crop and skip, OpenJPEG decode area), straight into the region — tests check those
//   pixels equal a full decode. A JPEG 2000 window over half a tile or more costs OpenJPEG about a whole tile, so
//   such tiles are decoded whole and cached instead.
// - **Threads**: when a region's tiles all land on whole pixels (`WholePixelPainter`), they do not overlap, so one
//   `readRegion` decodes them on `SlideOptions.regionThreads` threads (every core by default; callers that read many
//   regions at once, like `arbiter tile`, pass 1). OpenSlide decodes a region's tiles one after another.
// - **Regions** (`RegionPainter`, `Canvas`): OpenSlide's geometry step by step — 4,096-pixel chunks, whole-pixel shifts
//   for negative coordinates, tiles placed at `x / downsample`, cairo's 1/512-pixel rule for copying a tile versus
//   resampling it, pixman's float bilinear filter and SATURATE in its wide pipeline (`BilinearCompositing`,
//   `PixmanWide`), and openslide-python's un-premultiplication. A missing (zero-length) Aperio tile above level 0 is
//   redrawn from the level before, scaled through cairo's GOOD filter (`MissingTileRenderer`, `ScaledCompositing`).
//
// ## Where it differs from OpenSlide
// - Beyond OpenSlide: SubIFD pyramids, JPEG 2000 as 33004 and 34712, and WebP tiles (OpenSlide 4.0.1 refuses these).
// - Refused: float and signed samples. 8- and 16-bit unsigned samples are read (16-bit through libtiff, as OpenSlide).
// - Otherwise every region is byte-identical to openslide-python's `read_region` (the parity tests check them all).

/// A whole-slide image (Aperio SVS, generic tiled TIFF, SubIFD pyramid) opened for reading regions, with the
/// levels, properties and associated images OpenSlide reports. Safe to read from many tasks at once.
public final class Slide: Sendable {
    /// The file the slide was opened from.
    public let path: String
    /// `aperio`, `generic-tiff`, `ome-tiff` or `subifd-tiff` (`openslide.vendor`).
    public let vendor: String
    /// Levels, largest first.
    public let levels: [SlideLevel]
    /// OpenSlide's properties: `openslide.*`, `tiff.*` and vendor keys such as `aperio.MPP`.
    public let properties: [String: String]
    /// Names of the associated images (`thumbnail`, `label`, `macro`), sorted.
    public let associatedImageNames: [String]

    let sources: [LevelSource]
    let associated: [String: TIFFDirectory]
    let decoding: TileDecoding
    let cache: TileCache

    /// Opens a slide, reading every directory's header (not its pixels).
    public init(path: String, options: SlideOptions = SlideOptions()) throws(SlideError) {
        let file = try SlideFile(path: path)
        let handles = TIFFHandlePool(path: path)
        let structure = try handles.withHandle { handle throws(SlideError) in try TIFFStructure.scan(handle, file: file) }
        var layout = try SlideFormats.open(structure)
        if let smallest = layout.levels.last,
           let hash = try QuickHash.compute(smallest: smallest.directory, properties: structure.directories[0], file: file) {
            layout.properties["openslide.quickhash-1"] = hash
        }
        self.path = path
        vendor = layout.vendor
        sources = layout.levels
        levels = layout.levels.map(\.level)
        properties = layout.properties
        associated = layout.associated
        associatedImageNames = layout.associated.keys.sorted()
        decoding = TileDecoding(file: file, handles: handles, options: options)
        cache = TileCache(budget: options.cacheBytes)
    }

    /// The level to read for a wanted downsample: the last level whose downsample does not exceed it (OpenSlide's rule).
    public func bestLevel(forDownsample downsample: Double) -> Int {
        guard downsample >= levels[0].downsample else { return 0 }
        return (levels.indices.dropFirst().first { downsample < levels[$0].downsample } ?? levels.count) - 1
    }

    /// The pixels of a `width` x `height` rectangle of `level` whose top-left corner is at level-0 pixel (`x`, `y`):
    /// exactly what openslide-python's `read_region` returns (non-premultiplied RGBA, transparent outside the image).
    public func readRegion(x: Int, y: Int, level: Int, width: Int, height: Int) throws(SlideError) -> RGBAImage {
        guard levels.indices.contains(level) else {
            throw SlideError(.invalidRequest, file: path, "level \(level) does not exist (the slide has \(levels.count))")
        }
        guard width >= 0, height >= 0 else {
            throw SlideError(.invalidRequest, file: path, "negative size \(width) x \(height)")
        }
        guard x.magnitude <= 1 << 48, y.magnitude <= 1 << 48 else {
            throw SlideError(.invalidRequest, file: path, "coordinates (\(x), \(y)) are beyond 2^48")
        }
        guard width.multipliedReportingOverflow(by: height).partialValue <= SlideLimits.maxRegionPixels, width <= 1 << 28, height <= 1 << 28 else {
            throw SlideError(.tooLarge, file: path, "region \(width) x \(height) exceeds \(SlideLimits.maxRegionPixels) pixels")
        }
        var image = RGBAImage(transparentWidth: width, height: height)
        let resampled = try RegionPainter(slide: self, level: level).paint(into: &image, x: x, y: y)
        // Only libtiff's RGBA path, resampled edges and redrawn missing tiles leave partial alpha to un-premultiply.
        let source = sources[level]
        if resampled || source.codec.mayHavePartialAlpha(samplesPerPixel: source.directory.samplesPerPixel)
            || (source.redrawsMissingTiles && !source.missingTiles.isEmpty) {
            image.pixels.withUnsafeMutableBytes { LibtiffRGBA.unpremultiply($0, count: width * height) }
        }
        return image
    }

    /// One associated image (`thumbnail`, `label`, `macro`) as OpenSlide reads it.
    public func associatedImage(named name: String) throws(SlideError) -> RGBAImage {
        guard let directory = associated[name] else {
            throw SlideError(.invalidRequest, file: path, "no associated image named \"\(name)\" (the slide has \(associatedImageNames))")
        }
        var pixels = [UInt8](repeating: 0, count: directory.width * directory.height * 4)
        try SlideError.typed {
            try pixels.withUnsafeMutableBytes { buffer in
                try LibtiffRGBA.read(decoding.handles, address: directory.address, x: 0, y: 0,
                                     width: directory.width, height: directory.height, into: buffer)
            }
        }
        return RGBAImage(width: directory.width, height: directory.height, pixels: pixels)
    }

    /// Bytes of decoded tiles held in the slide's cache now (never more than `SlideOptions.cacheBytes`).
    public var cachedBytes: Int { cache.bytes }

    /// The decoded tile, from the cache or decoded now (a missing Aperio tile above level 0 is redrawn from the
    /// level before); nil for a tile drawn transparent.
    func tile(level: Int, index: Int) throws(SlideError) -> [UInt8]? {
        let source = sources[level]
        let missing = source.missingTiles.contains(index)
        if missing, !source.redrawsMissingTiles || level == 0 { return nil }
        let key = TileCache.Key(level: level, tile: index)
        if let pixels = cache.tile(key) { return pixels }
        let pixels = missing ? try MissingTileRenderer(slide: self, level: level).render(index)
                             : try decoding.decode(source, tile: index)
        cache.insert(pixels, for: key)
        return pixels
    }
}
