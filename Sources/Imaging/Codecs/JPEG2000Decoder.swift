import COpenJPEG

/// JPEG 2000 decoding through OpenJPEG, multi-threaded inside one codestream when asked, with the colour
/// conversion OpenSlide applies to Aperio tiles (its YCbCr tables, so pixels match byte for byte).
public enum JPEG2000Decoder {
    /// How to turn three decoded components into RGB.
    public enum ColorSpace: Sendable {
        /// Components are Y, Cb, Cr (Aperio 33003, usually with Cb and Cr at half width).
        case ycbcr
        /// Components are R, G, B (Aperio 33005, where the codestream's own MCT already made them RGB).
        case rgb
    }

    /// Decodes a codestream (or JP2 file) of `width` x `height` into `destination` as RGBA (alpha 255 unless
    /// the image has a fourth component). One-component images become grey RGB.
    public static func decode(
        _ data: UnsafeRawBufferPointer, colorSpace: ColorSpace, width: Int, height: Int, threads: Int = 1,
        into destination: UnsafeMutableRawBufferPointer
    ) throws(CodecFailure) {
        precondition(destination.count >= width * height * 4, "destination too small")
        guard let base = data.baseAddress, data.count > 2 else { throw CodecFailure(codec: "JPEG 2000", "empty data") }
        var source = arbiter_opj_source()
        source.data = base.assumingMemoryBound(to: UInt8.self)
        source.length = data.count
        let isJP2 = data.count > 12 && data[4] == 0x6A && data[5] == 0x50 && data[6] == 0x20 && data[7] == 0x20
        guard let image = arbiter_opj_decode(&source, isJP2 ? 1 : 0, Int32(threads), UInt32(width), UInt32(height), nil) else {
            let message = withUnsafeBytes(of: source.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw CodecFailure(codec: "JPEG 2000", message)
        }
        defer { opj_image_destroy(image) }
        for index in 0..<Int(image.pointee.numcomps) {
            let component = image.pointee.comps[index]
            let (w, h) = (Int(component.w), Int(component.h))
            guard (width - 1) / max(1, width / w) < w, (height - 1) / max(1, height / h) < h else {
                throw CodecFailure(codec: "JPEG 2000", "component \(index) is \(w)x\(h), which does not tile \(width)x\(height)")
            }
        }
        JPEG2000Unpacking.unpack(image.pointee, colorSpace: colorSpace, width: width, height: height,
                                 into: destination.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }

    /// Decodes only `window` of a `width` x `height` codestream (OpenJPEG's decode area: only the code-blocks and
    /// wavelet samples the window needs) into `destination` as RGBA rows `rowBytes` apart (by default
    /// `window.width * 4`). Returns false, having written nothing, when the codestream's layout does not allow it
    /// (the caller then decodes in full).
    public static func decode(
        _ data: UnsafeRawBufferPointer, colorSpace: ColorSpace, width: Int, height: Int, window: ImageWindow,
        threads: Int = 1, rowBytes: Int? = nil, into destination: UnsafeMutableRawBufferPointer
    ) throws(CodecFailure) -> Bool {
        let stride = rowBytes ?? window.width * 4
        precondition(window.width > 0 && window.height > 0 && stride >= window.width * 4
                     && destination.count >= (window.height - 1) * stride + window.width * 4, "destination too small")
        guard let base = data.baseAddress, data.count > 2 else { throw CodecFailure(codec: "JPEG 2000", "empty data") }
        var source = arbiter_opj_source()
        source.data = base.assumingMemoryBound(to: UInt8.self)
        source.length = data.count
        let isJP2 = data.count > 12 && data[4] == 0x6A && data[5] == 0x50 && data[6] == 0x20 && data[7] == 0x20
        // Decode a little more, on multiples of 8, so subsampled components hold every sample the window needs.
        var area: [Int32] = [Int32(window.x / 8 * 8), Int32(window.y / 8 * 8),
                             Int32(min(width, (window.x + window.width + 7) / 8 * 8)),
                             Int32(min(height, (window.y + window.height + 7) / 8 * 8))]
        guard let image = arbiter_opj_decode(&source, isJP2 ? 1 : 0, Int32(threads), UInt32(width), UInt32(height), &area) else {
            if area[0] == -1 { return false }
            let message = withUnsafeBytes(of: source.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw CodecFailure(codec: "JPEG 2000", message)
        }
        defer { opj_image_destroy(image) }
        return JPEG2000Unpacking.unpack(image.pointee, colorSpace: colorSpace, window: window, rowBytes: stride,
                                        into: destination.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
}
