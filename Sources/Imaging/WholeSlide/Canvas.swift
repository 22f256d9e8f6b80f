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

    /// For a tile cairo would copy on whole pixels: the part of its visible area inside the surface, and where that
    /// part goes in the image; nil when resampled, when nothing shows, or when all of the visible tile shows.
    func partialWindow(visibleWidth: Int, visibleHeight: Int, atX x: Double, y: Double) -> (window: ImageWindow, x: Int, y: Int)? {
        guard CairoPlacement.isPixelExact(x), CairoPlacement.isPixelExact(y) else { return nil }
        let left = surface.originX + CairoPlacement.nearest(x), top = surface.originY + CairoPlacement.nearest(y)
        let fromX = max(0, surface.originX - left), toX = min(visibleWidth, surface.originX + surface.width - left)
        let fromY = max(0, surface.originY - top), toY = min(visibleHeight, surface.originY + surface.height - top)
        guard fromX < toX, fromY < toY, !(fromX == 0 && fromY == 0 && toX == visibleWidth && toY == visibleHeight) else { return nil }
        return (ImageWindow(x: fromX, y: fromY, width: toX - fromX, height: toY - fromY), left + fromX, top + fromY)
    }

    /// Copies the tile's overlap with the surface. Tiles placed on whole pixels never overlap and the surface
    /// starts transparent, so SATURATE amounts to a copy.
    mutating func copy(_ tile: PlacedTile, atX x: Int, y: Int) {
        let left = max(x, surface.originX), right = min(x + tile.width, surface.originX + surface.width)
        let top = max(y, surface.originY), bottom = min(y + tile.height, surface.originY + surface.height)
        guard left < right, top < bottom else { return }
        let width = image.width
        tile.pixels.withUnsafeBytes { source in
            image.pixels.withUnsafeMutableBytes { destination in
                for row in top..<bottom {
                    let from = ((row - y) * tile.width + (left - x)) * 4
                    let to = (row * width + left) * 4
                    (destination.baseAddress! + to).copyMemory(from: source.baseAddress! + from, byteCount: (right - left) * 4)
                }
            }
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
