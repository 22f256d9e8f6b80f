import CJPEG
import Foundation

/// Baseline JPEG encoding through libjpeg-turbo with libjpeg's defaults (ISLOW DCT, 4:2:0 chroma below quality 90,
/// standard Huffman tables), as libvips and Pillow write JPEG tiles.
public enum JPEGEncoder {
    /// Encodes `width` x `height` pixels whose rows are at `rows` (one pointer a row, `channels` bytes a pixel).
    public static func encode(rows: [UnsafeRawPointer], width: Int, channels: Int, quality: Int) throws(CodecFailure) -> [UInt8] {
        precondition([1, 3, 4].contains(channels) && width > 0 && !rows.isEmpty, "\(width) x \(rows.count) x \(channels)")
        guard width <= 65_500, rows.count <= 65_500 else { throw CodecFailure(codec: "JPEG", "\(width) x \(rows.count) exceeds JPEG's 65,500 pixels") }
        guard (1...100).contains(quality) else { throw CodecFailure(codec: "JPEG", "quality \(quality) is outside 1...100") }
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        var message = [CChar](repeating: 0, count: Int(arbiter_jpeg_message_length()))
        let pointers: [UnsafePointer<UInt8>?] = rows.map { $0.assumingMemoryBound(to: UInt8.self) }
        let ok = arbiter_jpeg_encode_rows(pointers, Int32(width), Int32(rows.count), Int32(channels), Int32(quality), &output, &size, &message)
        guard ok == 1, let output else {
            throw CodecFailure(codec: "JPEG", String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}
