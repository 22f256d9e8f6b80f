/// MetaIO's `ElementType` names and the voxel types they store (MET_LONG is 4 bytes in MetaIO, whatever the platform's long).
enum MetaImageElementType {
    static let byName: [String: VoxelType] = [
        "MET_CHAR": .int8, "MET_ASCII_CHAR": .int8, "MET_UCHAR": .uint8,
        "MET_SHORT": .int16, "MET_USHORT": .uint16,
        "MET_INT": .int32, "MET_UINT": .uint32, "MET_LONG": .int32, "MET_ULONG": .uint32,
        "MET_LONG_LONG": .int64, "MET_ULONG_LONG": .uint64,
        "MET_FLOAT": .float32, "MET_DOUBLE": .float64,
    ]

    /// The type for a name, accepting the `_ARRAY` spellings used with several channels.
    static func type(named name: String) -> VoxelType? {
        byName[name] ?? (name.hasSuffix("_ARRAY") ? byName[String(name.dropLast("_ARRAY".count))] : nil)
    }

    /// The name MetaIO (and SimpleITK) writes for a voxel type.
    static func name(of type: VoxelType) -> String {
        switch type {
        case .int8: "MET_CHAR"
        case .uint8, .rgb24: "MET_UCHAR"
        case .int16: "MET_SHORT"
        case .uint16: "MET_USHORT"
        case .int32: "MET_INT"
        case .uint32: "MET_UINT"
        case .int64: "MET_LONG_LONG"
        case .uint64: "MET_ULONG_LONG"
        case .float32: "MET_FLOAT"
        case .float64: "MET_DOUBLE"
        }
    }
}
