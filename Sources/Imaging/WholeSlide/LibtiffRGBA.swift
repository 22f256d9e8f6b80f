import CTIFF

/// Reads through libtiff's RGBA interface (OpenSlide's path for everything but JPEG and JPEG 2000 tiles, and for
/// associated images), then un-premultiplies the way openslide-python's `read_region` does.
enum LibtiffRGBA {
    /// Reads `width` x `height` pixels at (`x`, `y`) of a directory; `premultiplied` keeps libtiff's premultiplied alpha.
    static func read(_ handles: TIFFHandlePool, address: TIFFDirectoryAddress, x: Int, y: Int, width: Int, height: Int,
                     premultiplied: Bool = false, into destination: UnsafeMutableRawBufferPointer) throws(SlideError) {
        guard height > 0, width > 0 else { return }
        precondition(destination.count >= width * height * 4, "destination too small")
        try handles.withHandle { handle throws(SlideError) in
            try handle.select(address)
            var message = [CChar](repeating: 0, count: 1024)
            let ok = try handle.withTIFF { tiff in
                arbiter_tiff_read_rgba(tiff, destination.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                       UInt32(x), UInt32(y), UInt32(width), UInt32(height), &message)
            }
            guard ok == 1 else {
                let reason = handle.lastError ?? String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw SlideError(.corruptTile, file: handle.path, directory: address.description,
                                 "cannot read \(width) x \(height) pixels at (\(x), \(y)): \(reason)")
            }
        }
        if !premultiplied { unpremultiply(destination, count: width * height) }
    }

    /// openslide-python's `argb2rgba`: for partial alpha, each channel becomes 255 * c / a, truncated to 8 bits.
    static func unpremultiply(_ pixels: UnsafeMutableRawBufferPointer, count: Int) {
        let bytes = pixels.bindMemory(to: UInt8.self)
        for index in 0..<count {
            let alpha = Int(bytes[index * 4 + 3])
            guard alpha != 0, alpha != 255 else { continue }
            for channel in 0..<3 {
                bytes[index * 4 + channel] = UInt8(truncatingIfNeeded: 255 * Int(bytes[index * 4 + channel]) / alpha)
            }
        }
    }
}
