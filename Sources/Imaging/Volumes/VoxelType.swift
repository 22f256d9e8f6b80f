/// How one voxel value is stored.
public enum VoxelType: String, Sendable, CaseIterable, Codable {
    case uint8, int8, uint16, int16, uint32, int32, uint64, int64, float32, float64
    /// Three interleaved UInt8 components (NIfTI's RGB24).
    case rgb24

    /// Bytes of one stored value (one component for `rgb24`).
    public var componentSize: Int {
        switch self {
        case .uint8, .int8, .rgb24: 1
        case .uint16, .int16: 2
        case .uint32, .int32, .float32: 4
        case .uint64, .int64, .float64: 8
        }
    }

    /// Components per voxel inherent to the type (3 for RGB24, otherwise 1).
    public var inherentComponents: Int { self == .rgb24 ? 3 : 1 }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
}
