import CJPEG
import Foundation

/// Baseline JPEG encoding through libjpeg-turbo with libjpeg's defaults (ISLOW DCT, 4:2:0 chroma below quality 90,
/// standard Huffman tables), as libvips and Pillow write JPEG tiles.
public enum JPEGEncoder {
    /// Encodes `width` x `height` pixels whose rows start `rowBytes` apart at `pixels`: `channels` is 1 (grey),
    /// 3 (RGB) or 4 (RGBA whose alpha is ignored).
    public static func encode(_ pixels: UnsafeRawPointer, width: Int, height: Int, rowBytes: Int, channels: Int,
                              quality: Int) throws(CodecFailure) -> [UInt8] {
        precondition([1, 3, 4].contains(channels) && width > 0 && height > 0 && rowBytes >= width * channels,
                     "\(width) x \(height) x \(channels) with rows \(rowBytes) bytes apart")
        guard width <= 65_500, height <= 65_500 else { throw CodecFailure(codec: "JPEG", "\(width) x \(height) exceeds JPEG's 65,500 pixels") }
        guard (1...100).contains(quality) else { throw CodecFailure(codec: "JPEG", "quality \(quality) is outside 1...100") }
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        var message = [CChar](repeating: 0, count: Int(arbiter_jpeg_message_length()))
        let ok = arbiter_jpeg_encode(pixels.assumingMemoryBound(to: UInt8.self), Int32(width), Int32(height), rowBytes,
                                     Int32(channels), Int32(quality), &output, &size, &message)
        guard ok == 1, let output else {
            throw CodecFailure(codec: "JPEG", String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}
