/// cairo's GOOD filter when it scales down by more than 4/3: pixman's SEPARABLE_CONVOLUTION with the box kernel
/// cairo builds (`create_separable_convolution`, `get_filter`), sampled as pixman's wide pipeline samples it
/// (`bits_image_fetch_pixel_separable_convolution` with `accum_float`: each product added to an unsigned total,
/// truncated after every tap).
struct SeparableConvolution: Sendable {
    /// One axis of the filter: taps per sample, 2^phaseBits phases, and `width` 16.16 weights per phase.
    struct Axis: Sendable {
        let width: Int
        let phaseBits: Int
        let weights: [Int32]

        /// The box kernel for a scale `r` (source pixels per output pixel), as cairo's `get_filter` computes it.
        init(scale r: Double) {
            width = r < 1 ? 2 : Int((r + 1).rounded(.up))
            var bits = 0
            if width > 1 { while r * Double(1 << bits) <= 128 { bits += 1 } }
            phaseBits = bits
            var weights: [Int32] = []
            let phases = 1 << bits, step = 1.0 / Double(phases)
            for phase in 0..<phases {
                let fraction = (Double(phase) + 0.5) * step
                let first = ((fraction - Double(width) / 2.0 - 0.5).rounded(.up) - fraction) + 0.5
                let values = (0..<width).map { Self.box(first + Double($0), r) }
                let total = 1 / values.reduce(0, +)
                var fixed = values.map { Int32($0 * 65536.0) }
                fixed = fixed.map { Int32(Double($0) * total) }
                fixed[width / 2] += 65536 - fixed.reduce(0, +)
                weights += fixed
            }
            self.weights = weights
        }

        /// `box_kernel`: a box of width r intersected with a unit pixel.
        static func box(_ x: Double, _ r: Double) -> Double {
            max(0.0, min(min(r, 1.0), min((r + 1) / 2 - x, (r + 1) / 2 + x)))
        }

        /// The phase and first tap for a 16.16 sample position (snapped to the middle of its phase).
        @inline(__always) func locate(_ position: Int) -> (phase: Int, first: Int) {
            let shift = 16 - phaseBits
            let snapped = ((position >> shift) << shift) + ((1 << shift) >> 1)
            let offset = ((width << 16) - 65536) >> 1
            return ((snapped & 0xFFFF) >> shift, (snapped - 1 - offset) >> 16)
        }
    }

    let x: Axis
    let y: Axis

    /// One premultiplied sample at 16.16 position (`sampleX`, `sampleY`), transparent outside the tile.
    func sample(_ taps: BilinearCompositing.FloatTaps, x sampleX: Int, y sampleY: Int) -> SIMD4<Float> {
        let (phaseX, firstX) = x.locate(sampleX), (phaseY, firstY) = y.locate(sampleY)
        var totals = SIMD4<UInt32>()
        for row in 0..<y.width {
            let weightY = Int64(y.weights[phaseY * y.width + row])
            guard weightY != 0 else { continue }
            for column in 0..<x.width {
                let weightX = Int64(x.weights[phaseX * x.width + column])
                guard weightX != 0 else { continue }
                let factor = Float(Int32(truncatingIfNeeded: (weightY * weightX + 0x8000) >> 16))
                let pixel = taps.pixel(firstX + column, firstY + row)
                for channel in 0..<4 {
                    totals[channel] = UInt32(Float(totals[channel]) + pixel[channel] * factor)
                }
            }
        }
        var result = SIMD4<Float>()
        for channel in 0..<4 {
            let value = Float(totals[channel]) / 65536
            result[channel] = value < 0 ? 0 : (value > 1 ? 1 : value)
        }
        return result
    }
}
