/// DeepZoomGenerator's background step: RGBA from `read_region` composited onto white (`Image.composite` with the
/// tile's alpha as mask, Pillow's rounded blend), leaving opaque RGBA.
enum WhiteBackground {
    static func flatten(_ pixels: UnsafeMutableRawBufferPointer) {
        let bytes = pixels.bindMemory(to: UInt8.self)
        for index in stride(from: 3, to: bytes.count, by: 4) where bytes[index] != 255 {
            let alpha = UInt32(bytes[index])
            for channel in (index - 3)..<index {
                let blended = 255 * (255 - alpha) + UInt32(bytes[channel]) * alpha + 128
                bytes[channel] = UInt8(((blended >> 8) + blended) >> 8)
            }
            bytes[index] = 255
        }
    }
}
