import Compression

extension SparseBytes {
    /// Indices (counted from `range`'s start) and real values of the `type` values in `range` that are not zero.
    /// Only values that a stretch of non-zero bytes touches are decoded: the stretches, widened to whole values,
    /// are gathered into one buffer and scanned once.
    /// Nil when the stretches touch more than `limit` values (each touched value is non-zero, but for `-0.0`),
    /// found before anything is gathered.
    func nonZeroValues(type: VoxelType, in range: Range<Int>, bigEndian: Bool, limit: Int = .max) -> (indices: [Int], values: [Float])? {
        let size = type.componentSize
        // Groups of whole values touched by stretches: (first value, end value), ascending and disjoint.
        var groups: [(first: Int, end: Int)] = []
        forEachStretch(in: range) { start, bytes in
            let first = (start - range.lowerBound) / size
            let end = (start + bytes.count - range.lowerBound + size - 1) / size
            if let last = groups.last, first < last.end {
                groups[groups.count - 1].end = max(last.end, end)
            } else {
                groups.append((first, end))
            }
        }
        let touched = groups.reduce(0) { $0 + ($1.end - $1.first) }
        guard touched <= limit else { return nil }
        var gathered = [UInt8](repeating: 0, count: touched * size)
        var groupStarts: [Int] = []  // where each group begins in `gathered`, in values
        var at = 0
        for group in groups {
            groupStarts.append(at)
            at += group.end - group.first
        }
        var groupIndex = 0
        forEachStretch(in: range) { start, bytes in
            while groups[groupIndex].end * size + range.lowerBound <= start { groupIndex += 1 }
            let offset = groupStarts[groupIndex] * size + (start - range.lowerBound - groups[groupIndex].first * size)
            gathered.replaceSubrange(offset..<offset + bytes.count, with: bytes)
        }
        let scanned = VoxelBuffer(type: type, bytes: gathered[...], bigEndian: bigEndian).accept(NonZeroScan())
        groupIndex = 0
        let indices = scanned.indices.map { gatheredIndex in
            while groupIndex + 1 < groupStarts.count, groupStarts[groupIndex + 1] <= gatheredIndex { groupIndex += 1 }
            return groups[groupIndex].first + gatheredIndex - groupStarts[groupIndex]
        }
        return (indices, scanned.values)
    }
}
