/// Exact Euclidean distance transforms on regular grids with anisotropic spacing
/// (Felzenszwalb and Huttenlocher's separable lower-envelope algorithm, one axis at a time).
public enum DistanceTransform {
    /// For every grid point, the squared physical distance to the nearest feature point;
    /// `.infinity` everywhere when there is no feature. Grids are x-fastest with `shape` (x, y, z…).
    ///
    /// The same distances as `scipy.ndimage.distance_transform_edt(~features, sampling=spacing) ** 2`.
    public static func squaredDistances(features: [Bool], shape: [Int], spacing: [Double]) -> [Double] {
        precondition(shape.reduce(1, *) == features.count && spacing.count == shape.count, "shape \(shape) and spacing \(spacing) do not fit \(features.count) points")
        var field = features.map { $0 ? 0.0 : Double.infinity }
        var stride = 1
        for axis in shape.indices {
            transformAxis(&field, shape: shape, axis: axis, stride: stride, spacing: spacing[axis])
            stride *= shape[axis]
        }
        return field
    }

    /// For every grid point, the physical distance to the nearest feature point.
    public static func distances(features: [Bool], shape: [Int], spacing: [Double]) -> [Double] {
        squaredDistances(features: features, shape: shape, spacing: spacing).map { $0.squareRoot() }
    }

    private static func transformAxis(_ field: inout [Double], shape: [Int], axis: Int, stride: Int, spacing: Double) {
        let length = shape[axis]
        guard length > 1 else { return }
        let total = field.count
        let lineCount = total / length
        var line = [Double](repeating: 0, count: length)
        var output = [Double](repeating: 0, count: length)
        var envelope = LowerEnvelope(capacity: length)
        for lineIndex in 0..<lineCount {
            // Lines along `axis`: the start index skips over the axis's own stride.
            let start = (lineIndex / stride) * stride * length + lineIndex % stride
            for position in 0..<length { line[position] = field[start + position * stride] }
            envelope.transform(line, into: &output, weight: spacing * spacing)
            for position in 0..<length { field[start + position * stride] = output[position] }
        }
    }
}

/// The 1D step: squared distance along a line, given squared distances already found on other axes.
struct LowerEnvelope {
    private var vertices: [Int]
    private var boundaries: [Double]

    init(capacity: Int) {
        vertices = [Int](repeating: 0, count: capacity)
        boundaries = [Double](repeating: 0, count: capacity + 1)
    }

    /// output[q] = min over p of weight * (q - p)^2 + input[p].
    mutating func transform(_ input: [Double], into output: inout [Double], weight: Double) {
        let length = input.count
        guard let first = input.firstIndex(where: { $0.isFinite }) else {
            for index in 0..<length { output[index] = .infinity }
            return
        }
        var count = 0
        vertices[0] = first
        boundaries[0] = -.infinity
        boundaries[1] = .infinity
        for q in (first + 1)..<max(first + 1, length) where input[q].isFinite {
            var crossing = intersection(input, vertices[count], q, weight)
            while crossing <= boundaries[count] {
                count -= 1
                crossing = intersection(input, vertices[count], q, weight)
            }
            count += 1
            vertices[count] = q
            boundaries[count] = crossing
            boundaries[count + 1] = .infinity
        }
        var segment = 0
        for q in 0..<length {
            while boundaries[segment + 1] < Double(q) { segment += 1 }
            let offset = Double(q - vertices[segment])
            output[q] = weight * offset * offset + input[vertices[segment]]
        }
    }

    private func intersection(_ input: [Double], _ p: Int, _ q: Int, _ weight: Double) -> Double {
        let (fp, fq) = (Double(p), Double(q))
        return ((input[q] + weight * fq * fq) - (input[p] + weight * fp * fp)) / (2 * weight * (fq - fp))
    }
}
