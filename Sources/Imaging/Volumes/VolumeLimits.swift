/// Bounds a reader enforces before allocating anything a header asks for, all checked from the header alone.
/// The defaults keep one read under about 1.2 GB of memory whatever the file claims.
public struct VolumeLimits: Sendable, Equatable {
    /// Largest voxel data, in bytes, a reader will allocate.
    public var maximumDataBytes: Int
    /// Most grid points (the product of the extents), whatever their type.
    public var maximumVoxels: Int
    /// Most non-zero voxels `readNonZero` collects (each costs 12 bytes of index and value).
    public var maximumNonZeroVoxels: Int
    /// Largest header (NIfTI `vox_offset`, MetaImage `HeaderSize`) before the voxel data.
    public var maximumHeaderBytes: Int

    public init(maximumDataBytes: Int = 1 << 30, maximumVoxels: Int = 1 << 28, maximumNonZeroVoxels: Int = 1 << 25,
                maximumHeaderBytes: Int = 64 << 20) {
        self.maximumDataBytes = maximumDataBytes
        self.maximumVoxels = maximumVoxels
        self.maximumNonZeroVoxels = maximumNonZeroVoxels
        self.maximumHeaderBytes = maximumHeaderBytes
    }

    /// 1 GiB of data, 2^28 voxels (512 × 512 × 1024), 2^25 non-zero voxels, 64 MiB of header.
    public static let `default` = VolumeLimits()

    /// Limits for a file that must lie on a known grid (a prediction for a truth volume): no more voxels than the
    /// grid has (so a lying header is refused before any data is read), and no more data than the default.
    public static func grid(_ shape: [Int], components: Int = 1) -> VolumeLimits {
        var limits = VolumeLimits.default
        if let voxels = byteCount(shape: shape, components: components, valueSize: 1) {
            limits.maximumVoxels = min(limits.maximumVoxels, max(voxels, 1))
            limits.maximumNonZeroVoxels = min(limits.maximumNonZeroVoxels, max(voxels, 1))
        }
        return limits
    }

    /// Bytes needed for `shape` of values with `components` each, or nil if the product overflows.
    static func byteCount(shape: [Int], components: Int, valueSize: Int) -> Int? {
        var total = components * valueSize
        for extent in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: extent)
            if overflow { return nil }
            total = product
        }
        return total
    }

    /// Refuses a grid with more points than `maximumVoxels` (or a product past 2^63), naming the field.
    func checkVoxels(_ shape: [Int], field: String, file: String, byteOffset: Int? = nil) throws(VolumeError) {
        guard let voxels = Self.byteCount(shape: shape, components: 1, valueSize: 1) else {
            throw VolumeError(.tooLarge, file: file, field: field, byteOffset: byteOffset, "extents \(shape) multiply past 2^63 voxels")
        }
        guard voxels <= maximumVoxels else {
            throw VolumeError(.tooLarge, file: file, field: field, byteOffset: byteOffset,
                              "extents \(shape) make \(voxels) voxels, over the limit of \(maximumVoxels)")
        }
    }

    /// `offset + count` for a header field, or a located error when the sum passes 2^63.
    static func end(_ offset: Int, plus count: Int, field: String, file: String) throws(VolumeError) -> Int {
        let (sum, overflow) = offset.addingReportingOverflow(count)
        guard !overflow, sum >= 0 else {
            throw VolumeError(.invalidHeader, file: file, field: field, "\(field) is \(offset); with \(count) more bytes that passes 2^63")
        }
        return sum
    }
}
