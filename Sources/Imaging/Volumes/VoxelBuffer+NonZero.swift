extension Volume {
    /// Grid indices (ascending) and real values of the voxels whose real value is not zero, read straight
    /// from the stored values; for a mostly empty map this is far cheaper than converting every voxel.
    public func nonZeroVoxels() -> (indices: [Int], values: [Float]) {
        guard scaling.isIdentity, components == 1 else {
            let all = floats()
            let indices = all.indices.filter { all[$0] != 0 }
            return (indices, indices.map { all[$0] })
        }
        return voxels.accept(NonZeroScan())
    }
}

private struct NonZeroScan: VoxelVisitor {
    func visit<Value: VoxelValue>(_ values: UnsafeBufferPointer<Value>) -> (indices: [Int], values: [Float]) {
        var indices: [Int] = []
        var found: [Float] = []
        for index in values.indices {
            let value = values[index].asFloat
            if value != 0 {
                indices.append(index)
                found.append(value)
            }
        }
        return (indices, found)
    }
}
