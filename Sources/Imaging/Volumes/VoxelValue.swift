/// A Swift type that voxel values can be stored as.
public protocol VoxelValue: Sendable {
    static var voxelType: VoxelType { get }
    var asDouble: Double { get }
    var asFloat: Float { get }
}

extension UInt8: VoxelValue {
    public static var voxelType: VoxelType { .uint8 }
    public var asDouble: Double { Double(self) }
    public var asFloat: Float { Float(self) }
}
extension Int8: VoxelValue {
    public static var voxelType: VoxelType { .int8 }
    public var asDouble: Double { Double(self) }
    public var asFloat: Float { Float(self) }
}
extension UInt16: VoxelValue {
    public static var voxelType: VoxelType { .uint16 }
    public var asDouble: Double { Double(self) }
    public var asFloat: Float { Float(self) }
}
extension Int16: VoxelValue {
    public static var voxelType: VoxelType { .int16 }
    public var asDouble: Double { Double(self) }
    public var asFloat: Float { Float(self) }
}
extension UInt32: VoxelValue {
    public static var voxelType: VoxelType { .uint32 }
    public var asDouble: Double { Double(self) }
    public var asFloat: Float { Float(self) }
}
extension Int32: VoxelValue {
    public static var voxelType: VoxelType { .int32 }
    public var asDouble: Double { Double(self) }
    public var asFloat: Float { Float(self) }
}
extension UInt64: VoxelValue {
    public static var voxelType: VoxelType { .uint64 }
    public var asDouble: Double { Double(self) }
    // Through Double, like every other conversion, so Float results are "the Float64 value, rounded".
    public var asFloat: Float { Float(Double(self)) }
}
extension Int64: VoxelValue {
    public static var voxelType: VoxelType { .int64 }
    public var asDouble: Double { Double(self) }
    // Through Double, like every other conversion, so Float results are "the Float64 value, rounded".
    public var asFloat: Float { Float(Double(self)) }
}
extension Float: VoxelValue {
    public static var voxelType: VoxelType { .float32 }
    public var asDouble: Double { Double(self) }
    public var asFloat: Float { self }
}
extension Double: VoxelValue {
    public static var voxelType: VoxelType { .float64 }
    public var asDouble: Double { self }
    public var asFloat: Float { Float(self) }
}
