/// NIfTI's `datatype` codes that Arbiter reads, with their voxel types.
enum NIfTIDatatype {
    static let byCode: [Int: (type: VoxelType, name: String)] = [
        2: (.uint8, "uint8"), 4: (.int16, "int16"), 8: (.int32, "int32"), 16: (.float32, "float32"),
        64: (.float64, "float64"), 128: (.rgb24, "rgb24"), 256: (.int8, "int8"), 512: (.uint16, "uint16"),
        768: (.uint32, "uint32"), 1024: (.int64, "int64"), 1280: (.uint64, "uint64"),
    ]

    /// Codes NIfTI defines that Arbiter refuses, named so the error can say what the file holds.
    static let unsupported: [Int: String] = [
        1: "binary (1 bit)", 32: "complex64", 1536: "float128", 1792: "complex128", 2048: "complex256", 2304: "RGBA32",
    ]

    static func code(for type: VoxelType) -> Int {
        byCode.first { $0.value.type == type }!.key
    }

    /// Bits per voxel that `bitpix` must state for a type.
    static func bitsPerVoxel(_ type: VoxelType) -> Int { type.componentSize * type.inherentComponents * 8 }
}
