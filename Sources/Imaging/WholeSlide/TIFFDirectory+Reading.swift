import CTIFF

extension TIFFDirectory {
    /// Reads the directory libtiff has loaded in `handle`, checking the sizes that later allocations rely on.
    static func read(_ handle: UnsafeTIFFHandle, at address: TIFFDirectoryAddress, file: SlideFile) throws(SlideError) -> TIFFDirectory {
        try handle.withTIFF { tiff throws(SlideError) in
            let fail = { (code: SlideError.Code, tag: TIFFTag?, message: String) in
                SlideError(code, file: handle.path, directory: address.description, tag: tag?.name, message)
            }
            guard let width = u32(tiff, .imageWidth), let height = u32(tiff, .imageLength) else {
                throw fail(.malformed, .imageWidth, "no image size")
            }
            guard width > 0, height > 0 else { throw fail(.malformed, .imageWidth, "image is \(width) x \(height)") }
            var tileSize: (width: Int, height: Int)?
            if TIFFIsTiled(tiff) != 0 {
                let tileWidth = Int(u32(tiff, .tileWidth) ?? 0)
                let tileHeight = Int(u32(tiff, .tileLength) ?? 0)
                guard tileWidth > 0, tileHeight > 0 else {
                    throw fail(.malformed, .tileWidth, "tile size is \(tileWidth) x \(tileHeight)")
                }
                guard tileWidth <= SlideLimits.maxTileSide, tileHeight <= SlideLimits.maxTileSide else {
                    throw fail(.tooLarge, .tileWidth, "tile size \(tileWidth) x \(tileHeight) exceeds \(SlideLimits.maxTileSide) pixels a side")
                }
                guard tileWidth * tileHeight <= SlideLimits.maxTilePixels else {
                    throw fail(.tooLarge, .tileWidth, "tile size \(tileWidth) x \(tileHeight) exceeds \(SlideLimits.maxTilePixels) pixels")
                }
                tileSize = (tileWidth, tileHeight)
            }
            var directory = TIFFDirectory(
                address: address, width: Int(width), height: Int(height), tileSize: tileSize,
                compression: Int(u16(tiff, .compression, defaulted: true) ?? 1),
                photometric: u16(tiff, .photometric).map(Int.init),
                planarConfig: Int(u16(tiff, .planarConfig, defaulted: true) ?? 1),
                bitsPerSample: Int(u16(tiff, .bitsPerSample, defaulted: true) ?? 1),
                samplesPerPixel: Int(u16(tiff, .samplesPerPixel, defaulted: true) ?? 1),
                sampleFormat: Int(u16(tiff, .sampleFormat, defaulted: true) ?? 1),
                extraSamples: extraSamples(tiff), subfileType: u32(tiff, .subfileType) ?? 0,
                imageDepth: Int(u32(tiff, .imageDepth) ?? 1), strings: [:], floats: [:],
                resolutionUnit: u16(tiff, .resolutionUnit).map(Int.init), jpegTables: blob(tiff, .jpegTables),
                iccProfileSize: blobSize(tiff, .iccProfile), ycbcrSubsampling: ycbcrSubsampling(tiff),
                subIFDOffsets: subIFDs(tiff), tileOffsets: [], tileByteCounts: [])
            for tag in TIFFTag.stringProperties { directory.strings[tag] = string(tiff, tag) }
            for tag in TIFFTag.floatProperties { directory.floats[tag] = float(tiff, tag) }
            directory.floats.merge(TIFFRationals.read(tiff, file: file)) { _, exact in exact }
            if tileSize != nil { try directory.readTileLayout(tiff, handle: handle) }
            return directory
        }
    }

    private mutating func readTileLayout(_ tiff: OpaquePointer, handle: UnsafeTIFFHandle) throws(SlideError) {
        let count = Int(TIFFNumberOfTiles(tiff))
        guard let tileSize else { return }
        let across = (width + tileSize.width - 1) / tileSize.width
        let down = (height + tileSize.height - 1) / tileSize.height
        let expected = across.multipliedReportingOverflow(by: down)
        guard !expected.overflow, expected.partialValue <= SlideLimits.maxTilesPerLevel else {
            throw SlideError(.tooLarge, file: handle.path, directory: address.description, tag: TIFFTag.imageWidth.name,
                             "\(width) x \(height) pixels in \(tileSize.width) x \(tileSize.height) tiles is more than \(SlideLimits.maxTilesPerLevel) tiles")
        }
        guard count >= expected.partialValue, count > 0 else {
            throw SlideError(.malformed, file: handle.path, directory: address.description, tag: TIFFTag.tileOffsets.name,
                             "\(count) tiles for a \(across) x \(down) grid")
        }
        var offsets: UnsafePointer<UInt64>?
        var counts: UnsafePointer<UInt64>?
        guard arbiter_tiff_get_u64_array(tiff, TIFFTag.tileOffsets.rawValue, &offsets) == 1, let offsets else {
            throw SlideError(.malformed, file: handle.path, directory: address.description, tag: TIFFTag.tileOffsets.name,
                             handle.lastError ?? "missing")
        }
        guard arbiter_tiff_get_u64_array(tiff, TIFFTag.tileByteCounts.rawValue, &counts) == 1, let counts else {
            throw SlideError(.malformed, file: handle.path, directory: address.description, tag: TIFFTag.tileByteCounts.name,
                             handle.lastError ?? "missing")
        }
        tileOffsets = Array(UnsafeBufferPointer(start: offsets, count: count))
        tileByteCounts = Array(UnsafeBufferPointer(start: counts, count: count))
    }

    /// Refuses tiles whose bytes lie past the end of the file, naming the first such tile.
    func checkTileExtents(fileSize: UInt64, path: String) throws(SlideError) {
        for (index, (offset, length)) in zip(tileOffsets, tileByteCounts).enumerated() where length > 0 {
            guard offset <= fileSize, length <= fileSize - offset else {
                throw SlideError(.malformed, file: path, directory: address.description, tag: TIFFTag.tileOffsets.name,
                                 "tile \(index) at offset \(offset) with \(length) bytes ends past the end of the file (\(fileSize) bytes)")
            }
        }
    }

    private static func u16(_ tiff: OpaquePointer, _ tag: TIFFTag, defaulted: Bool = false) -> UInt16? {
        var value: UInt16 = 0
        let found = defaulted ? arbiter_tiff_get_u16_defaulted(tiff, tag.rawValue, &value) : arbiter_tiff_get_u16(tiff, tag.rawValue, &value)
        return found == 1 ? value : nil
    }

    private static func u32(_ tiff: OpaquePointer, _ tag: TIFFTag) -> UInt32? {
        var value: UInt32 = 0
        return arbiter_tiff_get_u32(tiff, tag.rawValue, &value) == 1 ? value : nil
    }

    private static func float(_ tiff: OpaquePointer, _ tag: TIFFTag) -> Double? {
        var value: Float = 0
        return arbiter_tiff_get_float(tiff, tag.rawValue, &value) == 1 ? Double(value) : nil
    }

    private static func string(_ tiff: OpaquePointer, _ tag: TIFFTag) -> String? {
        var value: UnsafePointer<CChar>?
        guard arbiter_tiff_get_string(tiff, tag.rawValue, &value) == 1, let value else { return nil }
        return String(cString: value)
    }

    private static func blob(_ tiff: OpaquePointer, _ tag: TIFFTag) -> [UInt8]? {
        var count: UInt32 = 0
        var data: UnsafeRawPointer?
        guard arbiter_tiff_get_blob(tiff, tag.rawValue, &count, &data) == 1, let data, count > 0 else { return nil }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(count)))
    }

    private static func blobSize(_ tiff: OpaquePointer, _ tag: TIFFTag) -> Int {
        var count: UInt32 = 0
        var data: UnsafeRawPointer?
        return arbiter_tiff_get_blob(tiff, tag.rawValue, &count, &data) == 1 && data != nil ? Int(count) : 0
    }

    private static func extraSamples(_ tiff: OpaquePointer) -> [UInt16] {
        var count: UInt16 = 0
        var values: UnsafePointer<UInt16>?
        guard arbiter_tiff_get_extra_samples(tiff, &count, &values) == 1, let values else { return [] }
        return Array(UnsafeBufferPointer(start: values, count: Int(count)))
    }

    private static func subIFDs(_ tiff: OpaquePointer) -> [UInt64] {
        var count: UInt16 = 0
        var values: UnsafePointer<UInt64>?
        guard arbiter_tiff_get_subifds(tiff, &count, &values) == 1, let values else { return [] }
        return Array(UnsafeBufferPointer(start: values, count: Int(count)))
    }

    private static func ycbcrSubsampling(_ tiff: OpaquePointer) -> (Int, Int) {
        var horizontal: UInt16 = 2
        var vertical: UInt16 = 2
        _ = arbiter_tiff_get_u16_pair(tiff, TIFFTag.ycbcrSubsampling.rawValue, &horizontal, &vertical)
        return (Int(horizontal), Int(vertical))
    }
}
