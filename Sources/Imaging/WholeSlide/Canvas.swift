/// One of OpenSlide's cairo surfaces (a chunk of the region, at `surface` in the output image) that tiles are
/// painted onto with the SATURATE operator, in premultiplied RGBA. Where cairo would sample a tile with its
/// nearest filter (placement within 1/512 pixel of a whole pixel) the tile is copied; otherwise it is resampled
/// bilinearly as pixman's wide pipeline does (`BilinearCompositing`).
struct Canvas {
    var image: RGBAImage
    let surface: RegionPainter.Area
    /// Whether any tile went through the resampling path.
    private(set) var resampled = false

    /// Paints a tile whose top-left corner cairo's CTM puts at (`x`, `y`) in surface coordinates.
    mutating func draw(_ tile: [UInt8], tileWidth: Int, tileHeight: Int, atX x: Double, y: Double) {
        let tile = PlacedTile(pixels: tile, width: tileWidth, height: tileHeight)
        if CairoPlacement.isPixelExact(x), CairoPlacement.isPixelExact(y) {
            copy(tile, atX: surface.originX + CairoPlacement.nearest(x), y: surface.originY + CairoPlacement.nearest(y))
        } else {
            resampled = true
            BilinearCompositing.draw(tile, phaseX: CairoPlacement.Phase(x), phaseY: CairoPlacement.Phase(y), into: &image, surface: surface)
        }
    }

    /// Copies the tile's overlap with the surface (SATURATE onto a transparent surface, on whole pixels).
    mutating func copy(_ tile: PlacedTile, atX x: Int, y: Int) {
        let width = image.width
        tile.pixels.withUnsafeBytes { source in
            image.pixels.withUnsafeMutableBytes { destination in
                surface.copy(source, width: tile.width, height: tile.height, atX: x, y: y, into: destination, imageWidth: width)
            }
        }
    }
}

extension RegionPainter.Area {
    /// Copies the overlap of a `width` x `height` RGBA tile whose top-left corner is at image pixel (`x`, `y`) with
    /// this area. Tiles placed on whole pixels never overlap and a surface starts transparent, so OpenSlide's
    /// SATURATE painting amounts to this copy.
    func copy(_ tile: UnsafeRawBufferPointer, width: Int, height: Int, atX x: Int, y: Int,
              into destination: UnsafeMutableRawBufferPointer, imageWidth: Int) {
        let left = max(x, originX), right = min(x + width, originX + self.width)
        let top = max(y, originY), bottom = min(y + height, originY + self.height)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            let from = ((row - y) * width + (left - x)) * 4
            let to = (row * imageWidth + left) * 4
            (destination.baseAddress! + to).copyMemory(from: tile.baseAddress! + from, byteCount: (right - left) * 4)
        }
    }
}

/// A decoded tile (premultiplied RGBA).
struct PlacedTile {
    let pixels: [UInt8]
    let width: Int
    let height: Int
}

/// How cairo turns a tile's translation into pixman's sampling: the pattern matrix holds `-x`, which cairo rounds
/// to 24.8 fixed point to decide between nearest and bilinear filtering, and to 16.16 for pixman's transform.
enum CairoPlacement {
    /// `_cairo_matrix_is_pixel_exact` for one axis.
    static func isPixelExact(_ translation: Double) -> Bool {
        let fixed = (-translation * 256).rounded(.toNearestOrEven)
        return fixed.truncatingRemainder(dividingBy: 256) == 0
    }

    /// The whole-pixel placement cairo uses with the nearest filter (`-_pixman_nearest_sample(-x)`).
    static func nearest(_ translation: Double) -> Int {
        -Int((-translation - 0.5).rounded(.up))
    }

    /// The pattern translation along one axis as pixman samples it, in 16.16 fixed point: cairo
    /// (`_cairo_matrix_to_pixman_matrix_offset`) moves `floor(-x0 / 2)` of the pattern offset `x0` into an integer
    /// source offset and rounds the rest to 16.16 (half to even); `fixed` is the two recombined.
    struct Phase {
        let fixed: Int

        init(_ translation: Double) {
            let patternOffset = -translation
            let whole = (-patternOffset / 2).rounded(.down)
            fixed = Int(((patternOffset + whole) * 65536).rounded(.toNearestOrEven)) - Int(whole) * 65536
        }
    }
}
