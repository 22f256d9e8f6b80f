import Imaging

/// Small volumes built in memory, with values that exercise each type's range.
enum VolumeSamples {
    static let shape = [5, 4, 3]

    static func volume(_ type: VoxelType, shape: [Int] = shape) -> Volume {
        let count = shape.reduce(1, *) * type.inherentComponents
        let buffer: VoxelBuffer = switch type {
        case .uint8, .rgb24: VoxelBuffer((0..<count).map { UInt8(truncatingIfNeeded: $0 * 7) })
        case .int8: VoxelBuffer((0..<count).map { Int8(truncatingIfNeeded: $0 * 7 - 64) })
        case .uint16: VoxelBuffer((0..<count).map { UInt16($0 * 1021) })
        case .int16: VoxelBuffer((0..<count).map { Int16($0 * 509 - 16_000) })
        case .uint32: VoxelBuffer((0..<count).map { UInt32($0) * 70_001 + 4_000_000_000 })
        case .int32: VoxelBuffer((0..<count).map { Int32($0) * -70_001 })
        case .uint64: VoxelBuffer((0..<count).map { UInt64($0) << 40 | 0xFFFF })
        case .int64: VoxelBuffer((0..<count).map { -Int64($0) << 40 })
        case .float32: VoxelBuffer((0..<count).map { Float($0) * 0.1 - 2.5 })
        case .float64: VoxelBuffer((0..<count).map { Double($0) / 3 - 7 })
        }
        let rotated = AffineTransform(rows: [
            [0, -0.875, 0, 12.5], [1.25, 0, 0, -30], [0, 0, 2.5, 4], [0, 0, 0, 1],
        ])
        let typed = type == .rgb24 ? VoxelBuffer(type: .rgb24, nativeBytes: buffer.bytes) : buffer
        return Volume(shape: shape, spacing: [1.25, 0.875, 2.5], affine: rotated, components: type.inherentComponents, voxels: typed)
    }
}
