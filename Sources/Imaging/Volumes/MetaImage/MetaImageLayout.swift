/// What a MetaImage header says about the grid, the values and where they are.
struct MetaImageLayout {
    var shape: [Int]
    var type: VoxelType
    var channels: Int
    var bigEndian: Bool
    var compressed: Bool
    var spacing: [Double]
    var affine: AffineTransform
    var dataBytes: Int

    init(header: MetaImageHeader, file: String, limits: VolumeLimits) throws(VolumeError) {
        if let object = header.fields["ObjectType"], object != "Image" {
            throw header.error(.unsupported, "ObjectType", file: file, "\"\(object)\" is not an Image")
        }
        guard let rank = try header.integers("NDims", count: 1, file: file)?.first, (1...10).contains(rank) else {
            throw header.error(.invalidHeader, "NDims", file: file, "NDims must be present and between 1 and 10")
        }
        guard let shape = try header.integers("DimSize", count: rank, file: file) else {
            throw header.error(.invalidHeader, "DimSize", file: file, "DimSize is missing")
        }
        if let bad = shape.firstIndex(where: { $0 < 1 }) {
            throw header.error(.invalidHeader, "DimSize", file: file, "extent \(bad) is \(shape[bad]); every extent must be at least 1")
        }
        do {
            try limits.checkVoxels(shape, field: "DimSize", file: file)
        } catch {
            throw header.error(.tooLarge, "DimSize", file: file, error.message)
        }
        let typeName = header.fields["ElementType"] ?? ""
        guard let type = MetaImageElementType.type(named: typeName) else {
            throw header.error(.unsupported, "ElementType", file: file, "\"\(typeName)\" is not a numeric MET_ type")
        }
        let channels = try header.integers("ElementNumberOfChannels", count: 1, file: file)?.first ?? 1
        guard (1...64).contains(channels) else {
            throw header.error(.invalidHeader, "ElementNumberOfChannels", file: file, "\(channels) channels; expected 1 to 64")
        }
        if try header.flag("BinaryData", file: file) == false {
            throw header.error(.unsupported, "BinaryData", file: file, "ASCII voxel data is not read")
        }
        guard let bytes = VolumeLimits.byteCount(shape: shape, components: channels, valueSize: type.componentSize),
              bytes <= limits.maximumDataBytes else {
            throw header.error(.tooLarge, "DimSize", file: file, "\(shape) x \(channels) \(typeName) is over the \(limits.maximumDataBytes)-byte limit")
        }
        self.shape = shape
        self.type = type
        self.channels = channels
        self.dataBytes = bytes
        let orderKey = header.firstKey(["BinaryDataByteOrderMSB", "ElementByteOrderMSB"])
        self.bigEndian = try orderKey.map { key throws(VolumeError) in try header.flag(key, file: file) ?? false } ?? false
        self.compressed = try header.flag("CompressedData", file: file) ?? false
        let spacingKey = header.firstKey(["ElementSpacing", "ElementSize"])
        self.spacing = try spacingKey.flatMap { key throws(VolumeError) in try header.numbers(key, count: rank, file: file) } ?? Array(repeating: 1, count: rank)
        self.affine = try Self.affine(header: header, rank: rank, spacing: spacing, file: file)
    }

    /// ITK's physical space is LPS; Arbiter's affines are RAS+ (as NIfTI's), so x and y change sign.
    private static func affine(header: MetaImageHeader, rank: Int, spacing: [Double], file: String) throws(VolumeError) -> AffineTransform {
        let originKey = header.firstKey(["Offset", "Position", "Origin"])
        let origin = try originKey.flatMap { key throws(VolumeError) in try header.numbers(key, count: rank, file: file) } ?? Array(repeating: 0, count: rank)
        let matrixKey = header.firstKey(["TransformMatrix", "Rotation", "Orientation"])
        let matrix = try matrixKey.flatMap { key throws(VolumeError) in try header.numbers(key, count: rank * rank, file: file) }
        var rows = AffineTransform.identity.rows
        let axes = min(rank, 3)
        for row in 0..<axes {
            for column in 0..<axes {
                // MetaIO writes the direction of voxel axis `column` as the `column`-th group of numbers.
                let direction = matrix.map { $0[column * rank + row] } ?? (row == column ? 1 : 0)
                rows[row][column] = direction * spacing[column]
            }
            rows[row][3] = origin[row]
        }
        for row in 0..<2 { rows[row] = rows[row].map { $0 == 0 ? 0 : -$0 } }
        return AffineTransform(rows: rows)
    }
}
