import CJPEG

/// Baseline and progressive JPEG decoding through libjpeg-turbo, with libjpeg's default settings (accurate
/// integer IDCT, fancy upsampling), so pixels match OpenSlide's. Errors come back as `CodecFailure`, never `exit()`.
public enum JPEGDecoder {
    /// The colour space the compressed components are in, when the container says (TIFF's Photometric tag).
    public enum ColorSpace: Sendable {
        case ycbcr, rgb
    }

    /// Decodes `data` (after the abbreviated-stream `tables`, if given) into `destination`, which holds
    /// `width` x `height` pixels of 4 bytes (RGBA, alpha 255) or of 1 byte when `grey` is true.
    public static func decode(
        _ data: UnsafeRawBufferPointer, tables: UnsafeRawBufferPointer? = nil, colorSpace: ColorSpace? = nil,
        grey: Bool = false, width: Int, height: Int, into destination: UnsafeMutableRawBufferPointer
    ) throws(CodecFailure) {
        precondition(destination.count >= width * height * (grey ? 1 : 4), "destination too small")
        guard let base = data.baseAddress, data.count > 0 else { throw CodecFailure(codec: "JPEG", "empty data") }
        let space: Int32 = switch colorSpace {
        case .ycbcr: arbiter_jcs_ycbcr()
        case .rgb: arbiter_jcs_rgb()
        case nil: -1
        }
        var message = [CChar](repeating: 0, count: Int(arbiter_jpeg_message_length()))
        let ok = arbiter_jpeg_decode(
            tables?.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt(tables?.count ?? 0),
            base.assumingMemoryBound(to: UInt8.self), UInt(data.count), space, grey ? 1 : 0,
            destination.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(width), Int32(height), &message)
        guard ok == 1 else {
            throw CodecFailure(codec: "JPEG", String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }

    /// Decodes only `window` of a `width` x `height` JPEG into `destination` (RGBA rows `rowBytes` apart, by default
    /// `window.width * 4`), skipping the work for rows above and columns outside it: the same pixels a full decode
    /// has there.
    public static func decode(
        _ data: UnsafeRawBufferPointer, tables: UnsafeRawBufferPointer? = nil, colorSpace: ColorSpace? = nil,
        width: Int, height: Int, window: ImageWindow, rowBytes: Int? = nil, into destination: UnsafeMutableRawBufferPointer
    ) throws(CodecFailure) {
        precondition(window.x >= 0 && window.y >= 0 && window.width > 0 && window.height > 0
                     && window.x + window.width <= width && window.y + window.height <= height, "window outside the image")
        let stride = rowBytes ?? window.width * 4
        precondition(stride >= window.width * 4 && destination.count >= (window.height - 1) * stride + window.width * 4,
                     "destination too small")
        guard let base = data.baseAddress, data.count > 0 else { throw CodecFailure(codec: "JPEG", "empty data") }
        guard width <= 16_384 else { throw CodecFailure(codec: "JPEG", "\(width) pixels wide (windows are read up to 16384)") }
        let space: Int32 = switch colorSpace {
        case .ycbcr: arbiter_jcs_ycbcr()
        case .rgb: arbiter_jcs_rgb()
        case nil: -1
        }
        var message = [CChar](repeating: 0, count: Int(arbiter_jpeg_message_length()))
        let ok = arbiter_jpeg_decode_window(
            tables?.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt(tables?.count ?? 0),
            base.assumingMemoryBound(to: UInt8.self), UInt(data.count), space,
            destination.baseAddress!.assumingMemoryBound(to: UInt8.self), stride, Int32(width), Int32(height),
            Int32(window.x), Int32(window.y), Int32(window.width), Int32(window.height), &message)
        guard ok == 1 else {
            throw CodecFailure(codec: "JPEG", String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }
}
