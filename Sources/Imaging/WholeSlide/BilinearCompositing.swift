/// Tiles OpenSlide places at fractional positions (levels whose downsample does not divide x or y). cairo reduces
/// its GOOD filter to BILINEAR at unit scale (`_cairo_pattern_analyze_filter`), and SATURATE sends pixman down its
/// wide pipeline, so each surface pixel is `bits_image_fetch_pixel_bilinear_float` of the tile (16-bit weights in
/// `Float`, transparent outside the tile) combined with the destination by `PixmanWide`.
enum BilinearCompositing {
    static func draw(_ tile: PlacedTile, phaseX: CairoPlacement.Phase, phaseY: CairoPlacement.Phase,
                     into image: inout RGBAImage, surface: RegionPainter.Area) {
        let columns = phaseX.taps(surfaceSize: surface.width, tileSize: tile.width)
        let rows = phaseY.taps(surfaceSize: surface.height, tileSize: tile.height)
        guard !columns.isEmpty, !rows.isEmpty else { return }
        let imageWidth = image.width
        tile.pixels.withUnsafeBytes { source in
            image.pixels.withUnsafeMutableBytes { destination in
                let taps = FloatTaps(pixels: source, width: tile.width, height: tile.height)
                for row in rows {
                    for column in columns {
                        let sample = taps.bilinear(x: column.first, y: row.first, distanceX: column.distance, distanceY: row.distance)
                        let at = ((surface.originY + row.output) * imageWidth + surface.originX + column.output) * 4
                        PixmanWide.composite(sample, onto: destination.baseAddress! + at)
                    }
                }
            }
        }
    }

    /// Tile samples expanded to float, zero outside the tile (pixman's REPEAT_NONE).
    struct FloatTaps {
        let pixels: UnsafeRawBufferPointer
        let width: Int
        let height: Int

        @inline(__always) func pixel(_ x: Int, _ y: Int) -> SIMD4<Float> {
            guard x >= 0, y >= 0, x < width, y < height else { return SIMD4() }
            let at = (y * width + x) * 4
            let table = PixmanWide.expanded
            return SIMD4(table[Int(pixels[at])], table[Int(pixels[at + 1])], table[Int(pixels[at + 2])], table[Int(pixels[at + 3])])
        }

        /// `bilinear_interpolation_float`: four products summed left to right.
        @inline(__always) func bilinear(x: Int, y: Int, distanceX dx: Float, distanceY dy: Float) -> SIMD4<Float> {
            let both = dx * dy, rightOnly = dx * (1 - dy), belowOnly = (1 - dx) * dy, neither = (1 - dx) * (1 - dy)
            var sum = pixel(x, y) * neither
            sum = sum + pixel(x + 1, y) * rightOnly
            sum = sum + pixel(x, y + 1) * belowOnly
            sum = sum + pixel(x + 1, y + 1) * both
            return sum
        }
    }
}

extension CairoPlacement.Phase {
    /// For each surface pixel a tile can touch along this axis: the surface pixel, its first (left or top) source
    /// tap and the distance past it, as pixman's bilinear fetcher computes them from the 16.16 sample position.
    func taps(surfaceSize: Int, tileSize: Int) -> [(output: Int, first: Int, distance: Float)] {
        var result: [(output: Int, first: Int, distance: Float)] = []
        for output in 0..<surfaceSize {
            let position = (output << 16) + fixed
            let first = position >> 16
            guard first + 1 >= 0, first < tileSize else { continue }
            result.append((output, first, Float(position & 0xFFFF) / 65536))
        }
        return result
    }
}
