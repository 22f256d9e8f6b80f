/// The fields of one TIFF image directory that the slide formats need, read once when a slide opens.
struct TIFFDirectory: Sendable {
    var address: TIFFDirectoryAddress
    var width: Int
    var height: Int
    /// Tile size for tiled directories; nil for stripped ones.
    var tileSize: (width: Int, height: Int)?
    var compression: Int
    var photometric: Int?
    var planarConfig: Int
    var bitsPerSample: Int
    var samplesPerPixel: Int
    var sampleFormat: Int
    var extraSamples: [UInt16]
    var subfileType: UInt32
    var imageDepth: Int
    var strings: [TIFFTag: String]
    var floats: [TIFFTag: Double]
    var resolutionUnit: Int?
    var jpegTables: [UInt8]?
    var iccProfileSize: Int
    var ycbcrSubsampling: (Int, Int)
    var subIFDOffsets: [UInt64]
    /// Tile (or strip) offsets and byte counts, for tiled directories.
    var tileOffsets: [UInt64]
    var tileByteCounts: [UInt64]

    var isTiled: Bool { tileSize != nil }
    var description: String? { strings[.imageDescription] }

    func tilesAcross(_ tileWidth: Int) -> Int { (width + tileWidth - 1) / tileWidth }
}

/// The TIFF tags Arbiter reads by name, with their numbers, for lookups and error messages.
enum TIFFTag: UInt32, Sendable, CaseIterable {
    case subfileType = 254, imageWidth = 256, imageLength = 257, bitsPerSample = 258, compression = 259
    case photometric = 262, documentName = 269, imageDescription = 270, make = 271, model = 272
    case samplesPerPixel = 277, xResolution = 282, yResolution = 283, planarConfig = 284
    case xPosition = 286, yPosition = 287, resolutionUnit = 296, software = 305, dateTime = 306, artist = 315
    case hostComputer = 316, tileWidth = 322, tileLength = 323, tileOffsets = 324, tileByteCounts = 325
    case subIFDs = 330, extraSamples = 338, sampleFormat = 339, jpegTables = 347, ycbcrSubsampling = 530
    case copyright = 33432, iccProfile = 34675, imageDepth = 32997

    var name: String {
        switch self {
        case .subfileType: "NewSubfileType"
        case .imageWidth: "ImageWidth"
        case .imageLength: "ImageLength"
        case .bitsPerSample: "BitsPerSample"
        case .compression: "Compression"
        case .photometric: "PhotometricInterpretation"
        case .documentName: "DocumentName"
        case .imageDescription: "ImageDescription"
        case .make: "Make"
        case .model: "Model"
        case .samplesPerPixel: "SamplesPerPixel"
        case .xResolution: "XResolution"
        case .yResolution: "YResolution"
        case .planarConfig: "PlanarConfiguration"
        case .xPosition: "XPosition"
        case .yPosition: "YPosition"
        case .resolutionUnit: "ResolutionUnit"
        case .software: "Software"
        case .dateTime: "DateTime"
        case .artist: "Artist"
        case .hostComputer: "HostComputer"
        case .tileWidth: "TileWidth"
        case .tileLength: "TileLength"
        case .tileOffsets: "TileOffsets"
        case .tileByteCounts: "TileByteCounts"
        case .subIFDs: "SubIFDs"
        case .extraSamples: "ExtraSamples"
        case .sampleFormat: "SampleFormat"
        case .jpegTables: "JPEGTables"
        case .ycbcrSubsampling: "YCbCrSubSampling"
        case .copyright: "Copyright"
        case .iccProfile: "ICCProfile"
        case .imageDepth: "ImageDepth"
        }
    }

    /// The string tags OpenSlide exposes as `tiff.<name>` properties.
    static let stringProperties: [TIFFTag] = [
        .imageDescription, .make, .model, .software, .dateTime, .artist, .hostComputer, .copyright, .documentName,
    ]
    /// The float tags OpenSlide exposes as `tiff.<name>` properties.
    static let floatProperties: [TIFFTag] = [.xResolution, .yResolution, .xPosition, .yPosition]
}
