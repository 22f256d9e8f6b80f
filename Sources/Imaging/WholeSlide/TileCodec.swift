import CTIFF

/// How the tiles of one level are decoded.
enum TileCodec: Sendable {
    /// Raw tile bytes through libjpeg-turbo (OpenSlide's fast path: 8-bit, 3 samples, contiguous, RGB or YCbCr).
    case jpeg(tables: [UInt8]?, colorSpace: JPEGDecoder.ColorSpace)
    /// Raw tile bytes through OpenJPEG (Aperio 33003 and 33005; 33004 and 34712 as libvips and tifffile write).
    case jpeg2000(JPEG2000Decoder.ColorSpace)
    /// libtiff decodes and converts through its RGBA interface, as OpenSlide's fallback does (16-bit samples too:
    /// libtiff keeps the high byte of grey samples and rounds colour samples to 8 bits).
    case libtiff

    /// Whether decoded tiles can hold alpha other than 0 and 255: libtiff's premultiplied RGBA, or a fourth sample.
    func mayHavePartialAlpha(samplesPerPixel: Int) -> Bool {
        switch self {
        case .jpeg: false
        case .jpeg2000: samplesPerPixel > 3
        case .libtiff: true
        }
    }

    /// Picks the codec for a tiled directory, refusing what Arbiter cannot read.
    static func choose(for directory: TIFFDirectory, path: String) throws(SlideError) -> TileCodec {
        let fail = { (code: SlideError.Code, tag: TIFFTag, message: String) in
            SlideError(code, file: path, directory: directory.address.description, tag: tag.name, message)
        }
        guard directory.imageDepth == 1 else { throw fail(.unsupportedFeature, .imageDepth, "ImageDepth \(directory.imageDepth) (only 1 is read)") }
        guard directory.sampleFormat == 1 else { throw fail(.unsupportedFeature, .sampleFormat, "SampleFormat \(directory.sampleFormat) (only unsigned integers are read)") }
        guard [8, 16].contains(directory.bitsPerSample) else {
            throw fail(.unsupportedFeature, .bitsPerSample, "\(directory.bitsPerSample) bits per sample (8 and 16 are read)")
        }
        guard (1...4).contains(directory.samplesPerPixel) else { throw fail(.unsupportedFeature, .samplesPerPixel, "\(directory.samplesPerPixel) samples per pixel (1 to 4 are read)") }
        let photometric = directory.photometric ?? (directory.samplesPerPixel >= 3 ? 2 : 1)
        if directory.bitsPerSample == 16, [7, 33003, 33004, 33005, 34712].contains(directory.compression) {
            throw fail(.unsupportedFeature, .bitsPerSample, "16 bits per sample with compression \(directory.compression) (only 8 is read)")
        }
        switch directory.compression {
        case 7 where directory.planarConfig == 1 && (photometric == 2 || photometric == 6) && directory.samplesPerPixel == 3:
            return .jpeg(tables: directory.jpegTables, colorSpace: photometric == 6 ? .ycbcr : .rgb)
        case 33003: return .jpeg2000(.ycbcr)
        case 33005: return .jpeg2000(.rgb)
        case 33004, 34712: return .jpeg2000(photometric == 6 ? .ycbcr : .rgb)
        case let compression:
            guard TIFFIsCODECConfigured(UInt16(truncatingIfNeeded: compression)) == 1, compression <= 0xFFFF else {
                throw fail(.unsupportedFeature, .compression, "unsupported compression \(compression)")
            }
            guard [0, 1, 2, 3, 6].contains(photometric) else {
                throw fail(.unsupportedFeature, .photometric, "PhotometricInterpretation \(photometric) (grey, RGB, palette and YCbCr are read)")
            }
            return .libtiff
        }
    }
}

extension TileCodec {
    /// Whether the linked libtiff decodes this compression itself.
    static func isLibtiffCodec(_ compression: Int) -> Bool {
        compression >= 0 && compression <= 0xFFFF && TIFFIsCODECConfigured(UInt16(compression)) == 1
    }
}
