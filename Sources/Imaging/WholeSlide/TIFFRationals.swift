import CTIFF

/// RATIONAL tags read from the directory entries themselves: libtiff hands XResolution and friends over as a
/// `float`, while OpenSlide divides numerator by denominator in double precision, and `openslide.mpp-x` shows
/// the difference in its last digits.
enum TIFFRationals {
    static let tags: [TIFFTag] = [.xResolution, .yResolution, .xPosition, .yPosition]

    /// The tags among `tags` that the current directory of `tiff` stores as RATIONAL, as doubles.
    static func read(_ tiff: OpaquePointer, file: SlideFile) -> [TIFFTag: Double] {
        let big = TIFFIsBigTIFF(tiff) != 0
        let swapped = TIFFIsByteSwapped(tiff) != 0
        let offset = TIFFCurrentDirOffset(tiff)
        let reader = EntryReader(file: file, swapped: swapped)
        guard let count = reader.unsigned(at: offset, size: big ? 8 : 2), count < 4096 else { return [:] }
        let entrySize: UInt64 = big ? 20 : 12
        let first = offset + (big ? 8 : 2)
        var result: [TIFFTag: Double] = [:]
        for index in 0..<count {
            let entry = first + index * entrySize
            guard let code = reader.unsigned(at: entry, size: 2), let tag = TIFFTag(rawValue: UInt32(code)), tags.contains(tag),
                  reader.unsigned(at: entry + 2, size: 2) == 5, reader.unsigned(at: entry + 4, size: big ? 8 : 4) == 1 else { continue }
            let valueOffset = big ? entry + 12 : (reader.unsigned(at: entry + 8, size: 4) ?? 0)
            guard let numerator = reader.unsigned(at: valueOffset, size: 4),
                  let denominator = reader.unsigned(at: valueOffset + 4, size: 4), denominator != 0 else { continue }
            result[tag] = Double(numerator) / Double(denominator)
        }
        return result
    }

    private struct EntryReader {
        let file: SlideFile
        let swapped: Bool

        func unsigned(at offset: UInt64, size: Int) -> UInt64? {
            guard offset <= file.size, UInt64(size) <= file.size - offset,
                  let bytes = try? file.read(count: size, at: offset) else { return nil }
            let mostSignificantFirst = swapped ? bytes : Array(bytes.reversed())
            return mostSignificantFirst.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
    }
}
