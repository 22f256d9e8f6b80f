/// Erosion and hole filling on binary grids (x fastest), as `scipy.ndimage` defines them.
public enum BinaryMorphology {
    /// Which neighbours a structuring element of radius one covers.
    public enum Neighbourhood: Sendable {
        /// Points sharing a face (scipy's `generate_binary_structure(rank, 1)`, the default).
        case faces
        /// Every point within one step on each axis (`generate_binary_structure(rank, rank)`).
        case full
    }

    /// `scipy.ndimage.binary_erosion(mask, structure)` with `border_value = 0`: a point stays set only
    /// when every neighbour is set, and points outside the grid count as unset.
    public static func erode(_ mask: [Bool], shape: [Int], neighbourhood: Neighbourhood = .faces) -> [Bool] {
        let offsets = neighbourOffsets(rank: shape.count, neighbourhood)
        var result = [Bool](repeating: false, count: mask.count)
        forEachPoint(shape) { index, coordinates in
            guard mask[index] else { return }
            result[index] = offsets.allSatisfy { offset in
                neighbour(of: coordinates, offset, shape: shape).map { mask[$0] } ?? false
            }
        }
        return result
    }

    /// `scipy.ndimage.binary_fill_holes`: sets every unset point that face-connected unset points
    /// do not link to the grid's edge.
    public static func fillHoles(_ mask: [Bool], shape: [Int]) -> [Bool] {
        var outside = [Bool](repeating: false, count: mask.count)
        var stack: [Int] = []
        forEachPoint(shape) { index, coordinates in
            let onEdge = coordinates.indices.contains { coordinates[$0] == 0 || coordinates[$0] == shape[$0] - 1 }
            if onEdge, !mask[index], !outside[index] {
                outside[index] = true
                stack.append(index)
            }
        }
        let offsets = neighbourOffsets(rank: shape.count, .faces)
        while let index = stack.popLast() {
            let coordinates = Self.coordinates(of: index, shape: shape)
            for offset in offsets {
                guard let other = neighbour(of: coordinates, offset, shape: shape), !mask[other], !outside[other] else { continue }
                outside[other] = true
                stack.append(other)
            }
        }
        return outside.map { !$0 }
    }

    static func neighbourOffsets(rank: Int, _ neighbourhood: Neighbourhood) -> [[Int]] {
        var offsets: [[Int]] = [[]]
        for _ in 0..<rank { offsets = offsets.flatMap { prefix in [-1, 0, 1].map { prefix + [$0] } } }
        return offsets.filter { offset in
            let steps = offset.reduce(0) { $0 + abs($1) }
            return steps > 0 && (neighbourhood == .full || steps == 1)
        }
    }

    static func coordinates(of index: Int, shape: [Int]) -> [Int] {
        var remainder = index
        return shape.map { extent in
            defer { remainder /= extent }
            return remainder % extent
        }
    }

    static func neighbour(of coordinates: [Int], _ offset: [Int], shape: [Int]) -> Int? {
        var index = 0
        var stride = 1
        for axis in shape.indices {
            let position = coordinates[axis] + offset[axis]
            guard position >= 0, position < shape[axis] else { return nil }
            index += position * stride
            stride *= shape[axis]
        }
        return index
    }

    static func forEachPoint(_ shape: [Int], _ body: (Int, [Int]) -> Void) {
        let count = shape.reduce(1, *)
        var coordinates = [Int](repeating: 0, count: shape.count)
        for index in 0..<count {
            body(index, coordinates)
            for axis in shape.indices {
                coordinates[axis] += 1
                if coordinates[axis] < shape[axis] { break }
                coordinates[axis] = 0
            }
        }
    }
}
