extension SparseBytes {
    /// Indices (counted from `range`'s start) and real values of the `type` values in `range` that are not zero.
    /// A value is decoded only where a stretch of non-zero bytes touches it.
    func nonZeroValues(type: VoxelType, in range: Range<Int>, bigEndian: Bool) -> (indices: [Int], values: [Float]) {
        let size = type.componentSize
        var found: (indices: [Int], values: [Float]) = ([], [])
        var group: (first: Int, end: Int, pieces: [(start: Int, bytes: ArraySlice<UInt8>)]) = (0, 0, [])
        func flush() {
            guard !group.pieces.isEmpty else { return }
            var bytes = [UInt8](repeating: 0, count: (group.end - group.first) * size)
            let origin = range.lowerBound + group.first * size
            for piece in group.pieces {
                bytes.replaceSubrange(piece.start - origin..<piece.start - origin + piece.bytes.count, with: piece.bytes)
            }
            let values = VoxelBuffer(type: type, bytes: bytes[...], bigEndian: bigEndian).accept(NonZeroScan())
            found.indices += values.indices.map { $0 + group.first }
            found.values += values.values
        }
        forEachStretch(in: range) { start, bytes in
            let first = (start - range.lowerBound) / size
            let end = (start + bytes.count - range.lowerBound + size - 1) / size
            if first < group.end {
                group.end = max(group.end, end)
                group.pieces.append((start, bytes))
            } else {
                flush()
                group = (first, end, [(start, bytes)])
            }
        }
        flush()
        return found
    }
}
