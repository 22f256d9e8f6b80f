import Compression
/// The fields of a NIfTI-1 or NIfTI-2 header that decide how to read and place the voxels.
struct NIfTIHeader: Equatable {
    enum Version: Int { case one = 1, two = 2 }

    var version: Version
    var bigEndian: Bool
    /// `dim[0]` axes, then their extents.
    var shape: [Int]
    var datatypeCode: Int
    var bitpix: Int
    /// `pixdim[0]` (qfac) … `pixdim[7]`.
    var pixdim: [Double]
    var voxOffset: Int
    var sclSlope: Double
    var sclInter: Double
    var xyztUnits: Int
    var qformCode: Int
    var sformCode: Int
    var quaternion: [Double]  // b, c, d
    var qoffset: [Double]
    var srows: [[Double]]
    var magic: String
    var description: String

    /// Header size on disk, which is also the value `sizeof_hdr` must hold.
    var size: Int { version == .one ? 348 : 540 }

    /// True for a header whose data follows it in the same file (`n+1`, `n+2`), false for a `.hdr`/`.img` pair.
    var isSingleFile: Bool { magic.hasPrefix("n+") }
}

extension NIfTIHeader {
    /// Offsets of the fields in each version's layout.
    struct Layout {
        let dim, datatype, bitpix, pixdim, voxOffset, sclSlope, sclInter, xyztUnits: Int
        let qformCode, sformCode, quatern, srow, magic, description: Int
        let magicWidth: Int

        static let one = Layout(
            dim: 40, datatype: 70, bitpix: 72, pixdim: 76, voxOffset: 108, sclSlope: 112, sclInter: 116, xyztUnits: 123,
            qformCode: 252, sformCode: 254, quatern: 256, srow: 280, magic: 344, description: 148, magicWidth: 4)
        static let two = Layout(
            dim: 16, datatype: 12, bitpix: 14, pixdim: 104, voxOffset: 168, sclSlope: 176, sclInter: 184, xyztUnits: 500,
            qformCode: 344, sformCode: 348, quatern: 352, srow: 400, magic: 4, description: 240, magicWidth: 8)
    }

    /// Reads the raw fields (no checks beyond the byte order and version) from the start of a file.
    static func decode(_ bytes: [UInt8], file: String) throws(VolumeError) -> NIfTIHeader {
        guard bytes.count >= 4 else {
            throw VolumeError(.truncated, file: file, field: "sizeof_hdr", byteOffset: 0, "file is \(bytes.count) bytes, too short for a NIfTI header")
        }
        let (version, bigEndian) = try detectVersion(bytes, file: file)
        let needed = version == .one ? 348 : 540
        guard bytes.count >= needed else {
            throw VolumeError(.truncated, file: file, byteOffset: bytes.count, "NIfTI-\(version.rawValue) header needs \(needed) bytes, file has \(bytes.count)")
        }
        let reader = EndianBytes(bytes: bytes, bigEndian: bigEndian)
        return version == .one ? decodeOne(reader) : decodeTwo(reader)
    }

    private static func detectVersion(_ bytes: [UInt8], file: String) throws(VolumeError) -> (Version, Bool) {
        let little = EndianBytes(bytes: bytes, bigEndian: false).int32(0)
        let big = EndianBytes(bytes: bytes, bigEndian: true).int32(0)
        switch (little, big) {
        case (348, _): return (.one, false)
        case (_, 348): return (.one, true)
        case (540, _): return (.two, false)
        case (_, 540): return (.two, true)
        default:
            throw VolumeError(
                .unrecognised, file: file, field: "sizeof_hdr", byteOffset: 0,
                "sizeof_hdr is \(little) (\(big) read big-endian); a NIfTI-1 header has 348 and a NIfTI-2 header 540")
        }
    }

    private static func decodeOne(_ reader: EndianBytes) -> NIfTIHeader {
        let layout = Layout.one
        let rank = reader.int16(layout.dim)
        let extents = (1...7).map { reader.int16(layout.dim + 2 * $0) }
        return NIfTIHeader(
            version: .one, bigEndian: reader.bigEndian,
            shape: [rank] + extents,
            datatypeCode: reader.int16(layout.datatype), bitpix: reader.int16(layout.bitpix),
            pixdim: (0..<8).map { reader.float32(layout.pixdim + 4 * $0) },
            voxOffset: exactOffset(reader.float32(layout.voxOffset)),
            sclSlope: reader.float32(layout.sclSlope), sclInter: reader.float32(layout.sclInter),
            xyztUnits: Int(reader.bytes[layout.xyztUnits]),
            qformCode: reader.int16(layout.qformCode), sformCode: reader.int16(layout.sformCode),
            quaternion: (0..<3).map { reader.float32(layout.quatern + 4 * $0) },
            qoffset: (3..<6).map { reader.float32(layout.quatern + 4 * $0) },
            srows: (0..<3).map { row in (0..<4).map { reader.float32(layout.srow + 16 * row + 4 * $0) } },
            magic: reader.text(layout.magic, count: layout.magicWidth),
            description: reader.text(layout.description, count: 80))
    }

    private static func decodeTwo(_ reader: EndianBytes) -> NIfTIHeader {
        let layout = Layout.two
        return NIfTIHeader(
            version: .two, bigEndian: reader.bigEndian,
            shape: (0...7).map { reader.int64(layout.dim + 8 * $0) },
            datatypeCode: reader.int16(layout.datatype), bitpix: reader.int16(layout.bitpix),
            pixdim: (0..<8).map { reader.float64(layout.pixdim + 8 * $0) },
            voxOffset: reader.int64(layout.voxOffset),
            sclSlope: reader.float64(layout.sclSlope), sclInter: reader.float64(layout.sclInter),
            xyztUnits: reader.int32(layout.xyztUnits),
            qformCode: reader.int32(layout.qformCode), sformCode: reader.int32(layout.sformCode),
            quaternion: (0..<3).map { reader.float64(layout.quatern + 8 * $0) },
            qoffset: (3..<6).map { reader.float64(layout.quatern + 8 * $0) },
            srows: (0..<3).map { row in (0..<4).map { reader.float64(layout.srow + 32 * row + 8 * $0) } },
            magic: reader.text(layout.magic, count: 3),
            description: reader.text(layout.description, count: 80))
    }

    /// NIfTI-1 stores vox_offset as a float; anything but a whole non-negative number is flagged later as -1.
    private static func exactOffset(_ value: Double) -> Int {
        guard value.isFinite, value >= 0, value < 1e15, value.rounded() == value else { return -1 }
        return Int(value)
    }
}
