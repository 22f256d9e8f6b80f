/// The stored voxel values of a volume in native byte order, x varying fastest, then y, z, t…;
/// the components of a multi-component voxel are adjacent.
public struct VoxelBuffer: Sendable, Equatable {
    public let type: VoxelType
    /// Backing bytes; the values occupy `byteRange`. A file's decompressed bytes are kept as they
    /// are (header included) rather than copied, which matters for volumes of hundreds of megabytes.
    private let storage: [UInt8]
    private let byteRange: Range<Int>

    /// Number of stored values (voxels times components).
    public var count: Int { byteRange.count / type.componentSize }

    /// The raw values in the machine's byte order (a copy when the buffer is a window on a larger one).
    public var bytes: [UInt8] {
        byteRange == storage.indices ? storage : Array(storage[byteRange])
    }

    /// Wraps bytes already in native order; their length must be a whole number of values.
    public init(type: VoxelType, nativeBytes: [UInt8]) {
        precondition(nativeBytes.count % type.componentSize == 0, "\(nativeBytes.count) bytes is not a whole number of \(type) values")
        self.type = type
        self.storage = nativeBytes
        self.byteRange = nativeBytes.indices
    }

    /// Copies values stored with the given byte order, swapping them into native order when needed.
    public init(type: VoxelType, bytes stored: ArraySlice<UInt8>, bigEndian: Bool) {
        self.init(type: type, storage: Array(stored), range: 0..<stored.count, bigEndian: bigEndian)
    }

    /// Takes the values in `range` of a larger buffer (such as a whole decompressed file). Aligned data
    /// already in native order is used in place, without a copy.
    init(type: VoxelType, storage: [UInt8], range: Range<Int>, bigEndian: Bool) {
        let size = type.componentSize
        precondition(range.count % size == 0, "\(range.count) bytes is not a whole number of \(type) values")
        let needsSwap = bigEndian != (1.bigEndian == 1) && size > 1
        if !needsSwap, range.lowerBound % 16 == 0 {
            self.type = type
            self.storage = storage
            self.byteRange = range
            return
        }
        var native = Array(storage[range])
        if needsSwap { native.withUnsafeMutableBytes { Self.reverseEach(size, in: $0) } }
        self.type = type
        self.storage = native
        self.byteRange = native.indices
    }

    /// Builds a buffer from typed values.
    public init<Value: VoxelValue>(_ values: [Value]) {
        self.init(type: Value.voxelType, nativeBytes: values.withUnsafeBytes { Array($0) })
    }

    /// Calls `body` with the values' bytes, without copying.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[byteRange])) }
    }

    /// The values in a given byte order, for writing files.
    public func bytes(bigEndian: Bool) -> [UInt8] {
        let size = type.componentSize
        guard bigEndian != (1.bigEndian == 1), size > 1 else { return bytes }
        var swapped = bytes
        swapped.withUnsafeMutableBytes { Self.reverseEach(size, in: $0) }
        return swapped
    }

    public static func == (lhs: VoxelBuffer, rhs: VoxelBuffer) -> Bool {
        lhs.type == rhs.type && lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in left.elementsEqual(right) } }
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
