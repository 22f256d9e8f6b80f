import CTIFF

/// Reads and decodes single tiles into non-premultiplied RGBA, clipped to the image as OpenSlide clips them.
struct TileDecoding: Sendable {
    let file: SlideFile
    let handles: TIFFHandlePool
    let options: SlideOptions

    /// The tile's pixels, `tileWidth * tileHeight * 4` bytes.
    func decode(_ level: LevelSource, tile: Int) throws(SlideError) -> [UInt8] {
        let count = level.tileWidth * level.tileHeight * 4
        // JPEG fills every byte; other codecs may leave parts (edge tiles through libtiff) that must read as transparent.
        var pixels = if case .jpeg = level.codec { [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count } }
                     else { [UInt8](repeating: 0, count: count) }
        try SlideError.typed {
            try pixels.withUnsafeMutableBytes { destination in
                switch level.codec {
                case .jpeg(let tables, let space):
                    try decodeJPEG(level, tile: tile, tables: tables, space: space, into: destination)
                case .jpeg2000(let space):
                    try decodeJPEG2000(level, tile: tile, space: space, into: destination)
                case .libtiff:
                    try decodeWithLibtiff(level, tile: tile, into: destination)
                }
            }
        }
        Self.clip(&pixels, level, tile: tile)
        return pixels
    }

    private func rawTile(_ level: LevelSource, tile: Int) throws(SlideError) -> [UInt8] {
        let directory = level.directory
        let offset = directory.tileOffsets[tile], length = directory.tileByteCounts[tile]
        let place = directory.address.description
        guard length <= UInt64(SlideLimits.maxCompressedTileBytes) else {
            throw SlideError(.tooLarge, file: file.path, directory: place, tag: TIFFTag.tileByteCounts.name,
                             "tile \(tile) claims \(length) bytes")
        }
        guard offset <= file.size, length <= file.size - offset else {
            throw SlideError(.malformed, file: file.path, directory: place, tag: TIFFTag.tileOffsets.name,
                             "tile \(tile) at offset \(offset) with \(length) bytes ends past the end of the file (\(file.size) bytes)")
        }
        return try file.read(count: Int(length), at: offset)
    }

    private func decodeJPEG(_ level: LevelSource, tile: Int, tables: [UInt8]?, space: JPEGDecoder.ColorSpace,
                            into destination: UnsafeMutableRawBufferPointer) throws(SlideError) {
        let data = try rawTile(level, tile: tile)
        do {
            try data.withUnsafeBytes { bytes in
                if let tables {
                    try tables.withUnsafeBytes { tableBytes in
                        try JPEGDecoder.decode(bytes, tables: tableBytes, colorSpace: space, width: level.tileWidth,
                                               height: level.tileHeight, into: destination)
                    }
                } else {
                    try JPEGDecoder.decode(bytes, colorSpace: space, width: level.tileWidth, height: level.tileHeight, into: destination)
                }
            }
        } catch let failure as CodecFailure {
            throw corrupt(level, tile: tile, failure)
        } catch {
            preconditionFailure("only CodecFailure is thrown here, got \(error)")
        }
    }

    /// Decodes only `window` of a JPEG or JPEG 2000 tile into `destination` (RGBA rows `rowBytes` apart), for
    /// regions that show part of a tile. Returns false, having written nothing, when the codec or the codestream's
    /// layout needs a full decode.
    func decodeWindow(_ level: LevelSource, tile: Int, window: ImageWindow, rowBytes: Int,
                      into destination: UnsafeMutableRawBufferPointer) throws(SlideError) -> Bool {
        if case .libtiff = level.codec { return false }
        let data = try rawTile(level, tile: tile)
        do {
            return try data.withUnsafeBytes { bytes in
                switch level.codec {
                case .jpeg(let tables, let space):
                    if let tables {
                        try tables.withUnsafeBytes { tableBytes in
                            try JPEGDecoder.decode(bytes, tables: tableBytes, colorSpace: space, width: level.tileWidth,
                                                   height: level.tileHeight, window: window, rowBytes: rowBytes, into: destination)
                        }
                    } else {
                        try JPEGDecoder.decode(bytes, colorSpace: space, width: level.tileWidth, height: level.tileHeight,
                                               window: window, rowBytes: rowBytes, into: destination)
                    }
                    return true
                case .jpeg2000(let space):
                    return try JPEG2000Decoder.decode(bytes, colorSpace: space, width: level.tileWidth, height: level.tileHeight,
                                                      window: window, threads: options.jpeg2000Threads, rowBytes: rowBytes,
                                                      into: destination)
                case .libtiff:
                    return false
                }
            }
        } catch let failure as CodecFailure {
            throw corrupt(level, tile: tile, failure)
        } catch {
            preconditionFailure("only CodecFailure is thrown here, got \(error)")
        }
    }

    private func decodeJPEG2000(_ level: LevelSource, tile: Int, space: JPEG2000Decoder.ColorSpace,
                                into destination: UnsafeMutableRawBufferPointer) throws(SlideError) {
        let data = try rawTile(level, tile: tile)
        do {
            try data.withUnsafeBytes { bytes in
                try JPEG2000Decoder.decode(bytes, colorSpace: space, width: level.tileWidth, height: level.tileHeight,
                                           threads: options.jpeg2000Threads, into: destination)
            }
        } catch let failure as CodecFailure {
            throw corrupt(level, tile: tile, failure)
        } catch {
            preconditionFailure("only CodecFailure is thrown here, got \(error)")
        }
    }

    private func corrupt(_ level: LevelSource, tile: Int, _ failure: CodecFailure) -> SlideError {
        SlideError(.corruptTile, file: file.path, directory: level.directory.address.description,
                   "tile \(tile) (column \(tile % level.tilesAcross), row \(tile / level.tilesAcross)): \(failure)")
    }

    private func decodeWithLibtiff(_ level: LevelSource, tile: Int, into destination: UnsafeMutableRawBufferPointer) throws(SlideError) {
        // Only the part inside the image is requested: libtiff before 4.7 garbles pixels right of the image.
        let (column, row) = (tile % level.tilesAcross, tile / level.tilesAcross)
        let visibleWidth = min(level.tileWidth, level.width - column * level.tileWidth)
        let visibleHeight = min(level.tileHeight, level.height - row * level.tileHeight)
        if visibleWidth == level.tileWidth {
            try LibtiffRGBA.read(handles, address: level.directory.address, x: column * level.tileWidth, y: row * level.tileHeight,
                                 width: visibleWidth, height: visibleHeight, premultiplied: true, into: destination)
            return
        }
        var visible = [UInt8](repeating: 0, count: visibleWidth * visibleHeight * 4)
        try SlideError.typed {
            try visible.withUnsafeMutableBytes { buffer in
                try LibtiffRGBA.read(handles, address: level.directory.address, x: column * level.tileWidth, y: row * level.tileHeight,
                                     width: visibleWidth, height: visibleHeight, premultiplied: true, into: buffer)
            }
        }
        visible.withUnsafeBytes { source in
            for y in 0..<visibleHeight {
                (destination.baseAddress! + y * level.tileWidth * 4).copyMemory(from: source.baseAddress! + y * visibleWidth * 4, byteCount: visibleWidth * 4)
            }
        }
    }

    /// Pixels past the right and bottom edges of the image become transparent.
    static func clip(_ pixels: inout [UInt8], _ level: LevelSource, tile: Int) {
        let (column, row) = (tile % level.tilesAcross, tile / level.tilesAcross)
        let visibleWidth = min(level.tileWidth, level.width - column * level.tileWidth)
        let visibleHeight = min(level.tileHeight, level.height - row * level.tileHeight)
        if visibleWidth == level.tileWidth, visibleHeight == level.tileHeight { return }
        pixels.withUnsafeMutableBytes { bytes in
            let rowBytes = level.tileWidth * 4
            for y in 0..<level.tileHeight {
                let start = y < visibleHeight ? visibleWidth * 4 : 0
                if start < rowBytes { (bytes.baseAddress! + y * rowBytes + start).initializeMemory(as: UInt8.self, repeating: 0, count: rowBytes - start) }
            }
        }
    }
}
