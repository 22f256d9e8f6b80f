/// DeepZoomGenerator's background step: RGBA from `read_region` composited onto white (`Image.composite` with the
/// tile's alpha as mask, Pillow's rounded blend), leaving opaque RGBA.
enum WhiteBackground {
    static func flatten(_ pixels: UnsafeMutableRawBufferPointer) {
        let count = pixels.count / 4
        // Almost every block is already opaque: test 64 pixels at a time and blend only blocks that are not.
        for start in stride(from: 0, to: count, by: 64) {
            let end = min(start + 64, count)
            var all: UInt32 = 0xFFFF_FFFF
            for index in start..<end { all &= pixels.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self) }
            if all >> 24 == 0xFF { continue }
            for index in start..<end {
                var pixel = pixels.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
                guard pixel >> 24 != 0xFF else { continue }
                blend(&pixel)
                pixels.storeBytes(of: pixel, toByteOffset: index * 4, as: UInt32.self)
            }
        }
    }

    /// One little-endian RGBA pixel onto white.
    private static func blend(_ pixel: inout UInt32) {
        let alpha = pixel >> 24
        var result: UInt32 = 0xFF00_0000
        for shift: UInt32 in [0, 8, 16] {
            let value = 255 * (255 - alpha) + ((pixel >> shift) & 0xFF) * alpha + 128
            result |= (((value >> 8) + value) >> 8) << shift
        }
        pixel = result
    }
}
