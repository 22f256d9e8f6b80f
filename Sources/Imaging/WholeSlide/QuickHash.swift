import Crypto

/// OpenSlide's `openslide.quickhash-1`: SHA-256 over the raw tile (or strip) bytes of the smallest level, then each
/// `tiff.*` string property name and value of IFD 0 with their terminating NULs. Absent when the smallest level
/// holds more than 5 MiB, as in OpenSlide.
enum QuickHash {
    static let maxHashedBytes: UInt64 = 5 << 20

    static func compute(smallest level: TIFFDirectory, properties directory: TIFFDirectory, file: SlideFile) throws(SlideError) -> String? {
        let (offsets, lengths) = (level.tileOffsets, level.tileByteCounts)
        var total: UInt64 = 0
        for length in lengths {
            total += length
            if total > maxHashedBytes { return nil }
        }
        var hash = SHA256()
        for (offset, length) in zip(offsets, lengths) where length > 0 {
            guard offset <= file.size, length <= file.size - offset else {
                throw SlideError(.malformed, file: file.path, directory: level.address.description, tag: TIFFTag.tileOffsets.name,
                                 "tile data at offset \(offset) with \(length) bytes ends past the end of the file")
            }
            hash.update(bytes: try file.read(count: Int(length), at: offset))
        }
        for tag in TIFFTag.stringProperties {
            hash.update(bytes: Array("tiff.\(tag.name)".utf8) + [0])
            hash.update(bytes: Array((directory.strings[tag] ?? "").utf8) + [0])
        }
        return hash.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }
}

extension SHA256 {
    /// Hashes `bytes` next (swift-crypto's `update(data:)` wants Foundation's `DataProtocol`).
    fileprivate mutating func update(bytes: [UInt8]) {
        bytes.withUnsafeBytes { update(bufferPointer: $0) }
    }
}
