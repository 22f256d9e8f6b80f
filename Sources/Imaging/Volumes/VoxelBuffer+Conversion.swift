import Parallel

extension VoxelBuffer {
    /// Every stored value as Float64 with the scaling applied (bit-identical to nibabel's `get_fdata()`).
    public func doubles(scaling: IntensityScaling = .identity) -> [Double] {
        accept(ConvertToDouble(scaling: scaling))
    }

    /// Every stored value as Float32: the scaled Float64 value rounded to the nearest Float32.
    public func floats(scaling: IntensityScaling = .identity) -> [Float] {
        accept(ConvertToFloat(scaling: scaling))
    }

    /// Smallest and largest scaled value, or nil for an empty buffer. NaNs are skipped.
    public func range(scaling: IntensityScaling = .identity) -> ClosedRange<Double>? {
        accept(ValueRange(scaling: scaling))
    }

    /// Visits the values with their concrete Swift type, so loops over them are specialised.
    func accept<Visitor: VoxelVisitor>(_ visitor: Visitor) -> Visitor.Result {
        withUnsafeBytes { raw in
            switch type {
            case .uint8, .rgb24: visitor.visit(raw.bindMemory(to: UInt8.self))
            case .int8: visitor.visit(raw.bindMemory(to: Int8.self))
            case .uint16: visitor.visit(raw.bindMemory(to: UInt16.self))
            case .int16: visitor.visit(raw.bindMemory(to: Int16.self))
            case .uint32: visitor.visit(raw.bindMemory(to: UInt32.self))
            case .int32: visitor.visit(raw.bindMemory(to: Int32.self))
            case .uint64: visitor.visit(raw.bindMemory(to: UInt64.self))
            case .int64: visitor.visit(raw.bindMemory(to: Int64.self))
            case .float32: visitor.visit(raw.bindMemory(to: Float.self))
            case .float64: visitor.visit(raw.bindMemory(to: Double.self))
            }
        }
    }
}

/// An operation over a buffer's values, written once for every voxel type.
protocol VoxelVisitor {
    associatedtype Result
    func visit<Value: VoxelValue>(_ values: UnsafeBufferPointer<Value>) -> Result
}

/// Splits a conversion's index range into chunks converted on all cores. The conversions are synchronous
/// (callers decode files in their own tasks); each chunk writes a disjoint range of the output.
private enum VoxelChunks {
    /// Below this many elements one core is faster than the hand-off.
    static let minimumParallelCount = 1 << 20

    static func forEach(_ count: Int, _ body: (Range<Int>) -> Void) {
        let cores = ParallelMap.cores
        guard count >= minimumParallelCount, cores > 1 else {
            body(0..<count)
            return
        }
        let chunks = cores * 4
        let size = (count + chunks - 1) / chunks
        _ = ParallelMap.map(count: chunks, threads: cores) { chunk in
            let start = chunk * size
            if start < count { body(start..<min(start + size, count)) }
        }
    }
}

private struct ConvertToDouble: VoxelVisitor {
    let scaling: IntensityScaling
    func visit<Value: VoxelValue>(_ values: UnsafeBufferPointer<Value>) -> [Double] {
        [Double](unsafeUninitializedCapacity: values.count) { output, initialized in
            VoxelChunks.forEach(values.count) { range in
                if scaling.isIdentity {
                    for index in range { output[index] = values[index].asDouble }
                } else {
                    for index in range { output[index] = scaling.apply(values[index].asDouble) }
                }
            }
            initialized = values.count
        }
    }
}

private struct ConvertToFloat: VoxelVisitor {
    let scaling: IntensityScaling
    func visit<Value: VoxelValue>(_ values: UnsafeBufferPointer<Value>) -> [Float] {
        [Float](unsafeUninitializedCapacity: values.count) { output, initialized in
            VoxelChunks.forEach(values.count) { range in
                if scaling.isIdentity {
                    for index in range { output[index] = values[index].asFloat }
                } else {
                    for index in range { output[index] = Float(scaling.apply(values[index].asDouble)) }
                }
            }
            initialized = values.count
        }
    }
}

private struct ValueRange: VoxelVisitor {
    let scaling: IntensityScaling
    func visit<Value: VoxelValue>(_ values: UnsafeBufferPointer<Value>) -> ClosedRange<Double>? {
        var low = Double.infinity
        var high = -Double.infinity
        for value in values {
            let real = value.asDouble
            guard !real.isNaN else { continue }
            low = Swift.min(low, real)
            high = Swift.max(high, real)
        }
        guard low <= high else { return nil }
        let ends = (scaling.apply(low), scaling.apply(high))
        return Swift.min(ends.0, ends.1)...Swift.max(ends.0, ends.1)
    }
}
