/// Tiles OpenSlide places at fractional positions (levels whose downsample does not divide x or y) go through
/// cairo's GOOD filter, which at unit scale is pixman's SEPARABLE_CONVOLUTION with a width-1 box kernel:
/// 256 phases of 16.16 weights (built as cairo's `get_filter` builds them), products rounded, sums rounded,
/// transparent outside the tile; then combined with pixman's SATURATE operator. This reproduces those steps.
enum BilinearCompositing {
    static func draw(_ tile: PlacedTile, phaseX: CairoPlacement.Phase, phaseY: CairoPlacement.Phase,
                     into image: inout RGBAImage, surface: RegionPainter.Area) {
        let columns = phaseX.taps(surfaceSize: surface.width, tileSize: tile.width)
        let rows = phaseY.taps(surfaceSize: surface.height, tileSize: tile.height)
        guard !columns.isEmpty, !rows.isEmpty else { return }
        let imageWidth = image.width
        tile.pixels.withUnsafeBytes { source in
            image.pixels.withUnsafeMutableBytes { destination in
                let taps = TileTaps(pixels: source, width: tile.width, height: tile.height)
                for row in rows {
                    for column in columns {
                        var sums = SIMD4<Int64>()
                        for (y, fy) in [(row.first, row.weights.0), (row.first + 1, row.weights.1)] where fy != 0 {
                            for (x, fx) in [(column.first, column.weights.0), (column.first + 1, column.weights.1)] where fx != 0 {
                                let f = (Int64(fy) * Int64(fx) + 0x8000) >> 16
                                sums &+= taps.pixel(x, y) &* SIMD4(repeating: f)
                            }
                        }
                        var sample = SIMD4<UInt32>()
                        for channel in 0..<4 {
                            sample[channel] = UInt32(min(max((sums[channel] + 0x8000) / 65536, 0), 255))
                        }
                        let at = ((surface.originY + row.output) * imageWidth + surface.originX + column.output) * 4
                        saturate(sample, into: destination.baseAddress! + at)
                    }
                }
            }
        }
    }

    /// pixman's `combine_saturate_u`: scale the source down so its alpha fits what the destination lacks, then add.
    private static func saturate(_ source: SIMD4<UInt32>, into pixel: UnsafeMutableRawPointer) {
        var channels = source
        let sourceAlpha = channels[3]
        let room = 255 - UInt32(pixel.load(fromByteOffset: 3, as: UInt8.self))
        if sourceAlpha > room {
            let factor = (room * 255 + sourceAlpha / 2) / sourceAlpha
            for index in 0..<4 {
                let t = channels[index] * factor + 0x80
                channels[index] = ((t >> 8) + t) >> 8
            }
        }
        for index in 0..<4 {
            let sum = UInt32(pixel.load(fromByteOffset: index, as: UInt8.self)) + channels[index]
            pixel.storeBytes(of: UInt8(min(sum, 255)), toByteOffset: index, as: UInt8.self)
        }
    }

    /// Tile samples, zero outside the tile (pixman's REPEAT_NONE).
    private struct TileTaps {
        let pixels: UnsafeRawBufferPointer
        let width: Int
        let height: Int

        @inline(__always) func pixel(_ x: Int, _ y: Int) -> SIMD4<Int64> {
            guard x >= 0, y >= 0, x < width, y < height else { return SIMD4() }
            let at = (y * width + x) * 4
            return SIMD4(Int64(pixels[at]), Int64(pixels[at + 1]), Int64(pixels[at + 2]), Int64(pixels[at + 3]))
        }
    }
}

/// The weights cairo gives pixman for a width-1 box kernel at unit scale: 256 phases, two taps each, in 16.16.
enum ConvolutionWeights {
    static let phases: [(Int32, Int32)] = (0..<256).map { phase in
        let fraction = (Double(phase) + 0.5) / 256
        let first = (fraction - 1.5).rounded(.up) - fraction + 0.5
        let values = [first, first + 1].map { max(0, min(1, min(1 - $0, 1 + $0))) }
        var fixed = values.map { Int32($0 * 65536) }
        let scale = 1 / (values[0] + values[1])
        fixed = fixed.map { Int32(Double($0) * scale) }
        fixed[1] += 65536 - (fixed[0] + fixed[1])
        return (fixed[0], fixed[1])
    }
}

extension CairoPlacement.Phase {
    /// For each surface pixel a tile can touch along this axis: the surface pixel, its first source tap and the
    /// two tap weights, as pixman's separable convolution computes them from the 16.16 sample position.
    func taps(surfaceSize: Int, tileSize: Int) -> [(output: Int, first: Int, weights: (Int32, Int32))] {
        var result: [(output: Int, first: Int, weights: (Int32, Int32))] = []
        for output in 0..<surfaceSize {
            let position = (output << 16) + 0x8000 + fixed
            let centred = ((position >> 8) << 8) + 128
            let first = (centred - 1 - 0x8000) >> 16
            guard first + 1 >= 0, first < tileSize else { continue }
            result.append((output, first, ConvolutionWeights.phases[(centred & 0xFFFF) >> 8]))
        }
        return result
    }
}
