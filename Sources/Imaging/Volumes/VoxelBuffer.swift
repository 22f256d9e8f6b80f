/// The stored voxel values of a volume in native byte order, x varying fastest, then y, z, t…;
/// the components of a multi-component voxel are adjacent.
public struct VoxelBuffer: Sendable, Equatable {
    public let type: VoxelType
    /// Raw values in the machine's byte order; `count * type.componentSize` bytes.
    public let bytes: [UInt8]

    /// Number of stored values (voxels times components).
    public var count: Int { bytes.count / type.componentSize }

    /// Wraps bytes already in native order; their length must be a whole number of values.
    public init(type: VoxelType, nativeBytes: [UInt8]) {
        precondition(nativeBytes.count % type.componentSize == 0, "\(nativeBytes.count) bytes is not a whole number of \(type) values")
        self.type = type
        self.bytes = nativeBytes
    }

    /// Copies values stored with the given byte order, swapping them into native order when needed.
    public init(type: VoxelType, bytes stored: ArraySlice<UInt8>, bigEndian: Bool) {
        let size = type.componentSize
        var native = Array(stored)
        if bigEndian != (1.bigEndian == 1), size > 1 {
            native.withUnsafeMutableBytes { Self.reverseEach(size, in: $0) }
        }
        self.init(type: type, nativeBytes: native)
    }

    /// Builds a buffer from typed values.
    public init<Value: VoxelValue>(_ values: [Value]) {
        self.type = Value.voxelType
        self.bytes = values.withUnsafeBytes { Array($0) }
    }

    /// The values in a given byte order, for writing files.
    public func bytes(bigEndian: Bool) -> [UInt8] {
        let size = type.componentSize
        guard bigEndian != (1.bigEndian == 1), size > 1 else { return bytes }
        var swapped = bytes
        swapped.withUnsafeMutableBytes { Self.reverseEach(size, in: $0) }
        return swapped
    }

    private static func reverseEach(_ size: Int, in buffer: UnsafeMutableRawBufferPointer) {
        switch size {
        case 2:
            let values = buffer.bindMemory(to: UInt16.self)
            for index in values.indices { values[index] = values[index].byteSwapped }
        case 4:
            let values = buffer.bindMemory(to: UInt32.self)
            for index in values.indices { values[index] = values[index].byteSwapped }
        default:
            let values = buffer.bindMemory(to: UInt64.self)
            for index in values.indices { values[index] = values[index].byteSwapped }
        }
    }
}
