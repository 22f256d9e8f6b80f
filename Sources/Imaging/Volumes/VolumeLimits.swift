/// Bounds a reader enforces before allocating anything a header asks for.
public struct VolumeLimits: Sendable, Equatable {
    /// Largest voxel data, in bytes, a reader will allocate.
    public var maximumDataBytes: Int

    public init(maximumDataBytes: Int = 8 << 30) {
        self.maximumDataBytes = maximumDataBytes
    }

    public static let `default` = VolumeLimits()

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
}
