extension Volume {
    /// Grid indices (ascending) and real values of the voxels whose real value is not zero, read straight
    /// from the stored values; for a mostly empty map this is far cheaper than converting every voxel.
    public func nonZeroVoxels() -> (indices: [Int], values: [Float]) {
        nonZeroVoxels(upTo: .max)
    }

    /// As `nonZeroVoxels()`, but stops once more than `limit` are found (returning `limit + 1` of them), so a
    /// volume that is not sparse costs no more than the limit.
    public func nonZeroVoxels(upTo limit: Int) -> (indices: [Int], values: [Float]) {
        guard scaling.isIdentity, components == 1 else {
            let all = floats()
            var indices: [Int] = []
            for index in all.indices where all[index] != 0 {
                indices.append(index)
                if indices.count > limit { break }
            }
            return (indices, indices.map { all[$0] })
        }
        return voxels.accept(NonZeroScan(limit: limit))
    }
}

struct NonZeroScan: VoxelVisitor {
    /// Scanning stops once more than this many are found.
    var limit = Int.max

    func visit<Value: VoxelValue>(_ values: UnsafeBufferPointer<Value>) -> (indices: [Int], values: [Float]) {
        var indices: [Int] = []
        var found: [Float] = []
        // Skip 64-byte blocks whose bytes are all zero (most of a detection or label map), checking eight
        // 64-bit words at once; look at single values only in blocks with something in them.
        let perBlock = 64 / MemoryLayout<Value>.stride
        let raw = UnsafeRawBufferPointer(values)
        var start = 0
        while start < values.count {
            let end = min(start + perBlock, values.count)
            if end - start == perBlock, Self.isZeroBlock(raw, at: start * MemoryLayout<Value>.stride) {
                start = end
                continue
            }
            for index in start..<end {
                let value = values[index].asFloat
                if value != 0 {
                    indices.append(index)
                    found.append(value)
                }
            }
            if indices.count > limit { break }
            start = end
        }
        return (indices, found)
    }

    @inline(__always)
    static func isZeroBlock(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var bits: UInt64 = 0
        for word in 0..<8 { bits |= raw.loadUnaligned(fromByteOffset: offset + 8 * word, as: UInt64.self) }
        return bits == 0
    }
}
