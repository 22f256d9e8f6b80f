/// The steps of pixman's wide (single-precision float) pipeline that OpenSlide's compositing goes through. pixman
/// takes that pipeline for SATURATE (its operator needs a division), so every tile OpenSlide paints is expanded to
/// float, combined with the destination in float and contracted back to 8 bits; reproducing each step in `Float`
/// (same operations, same order, no fused multiply-add) gives the same bytes.
enum PixmanWide {
    /// `pixman_expand_to_float` for 8-bit channels: `v * (1.0f / 255)`.
    static let expanded: [Float] = (0..<256).map { Float($0) * (Float(1) / Float(255)) }

    /// `float_to_unorm(f, 8)`: clamped, scaled by 256, truncated, and 256 folded back to 255.
    @inline(__always) static func contract(_ value: Float) -> UInt8 {
        let clamped = value > 1 ? 1 : (value < 0 ? 0 : value)
        let scaled = UInt32(clamped * 256)
        return UInt8(truncatingIfNeeded: scaled - (scaled >> 8))
    }

    /// `combine_saturate_u_float` for one premultiplied pixel (r, g, b, a): the source scaled by
    /// `clamp((1 - da) / sa)` (1 when `sa` is zero) plus the destination, each channel capped at 1.
    @inline(__always) static func saturate(_ source: SIMD4<Float>, onto destination: SIMD4<Float>) -> SIMD4<Float> {
        let sourceAlpha = source[3]
        var factor: Float = 1
        if !(sourceAlpha > -Float.leastNormalMagnitude && sourceAlpha < Float.leastNormalMagnitude) {
            let ratio = (1 - destination[3]) / sourceAlpha
            factor = ratio < 0 ? 0 : (ratio > 1 ? 1 : ratio)
        }
        var result = SIMD4<Float>()
        for channel in 0..<4 {
            result[channel] = min(1, source[channel] * factor + destination[channel] * 1)
        }
        return result
    }

    /// SATURATE of a float source sample onto the 8-bit premultiplied pixel at `pixel`, written back in 8 bits.
    @inline(__always) static func composite(_ source: SIMD4<Float>, onto pixel: UnsafeMutableRawPointer) {
        var destination = SIMD4<Float>()
        for channel in 0..<4 {
            destination[channel] = expanded[Int(pixel.load(fromByteOffset: channel, as: UInt8.self))]
        }
        let result = saturate(source, onto: destination)
        for channel in 0..<4 {
            pixel.storeBytes(of: contract(result[channel]), toByteOffset: channel, as: UInt8.self)
        }
    }
}
