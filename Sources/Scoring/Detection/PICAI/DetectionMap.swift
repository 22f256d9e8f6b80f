import Geometry

/// A case of a lesion-detection task on a voxel grid: the candidates read from a detection map and the
/// lesions of the binary ground truth, both as picai_eval 1.4.13 extracts them.
public struct DetectionCase: Sendable, Equatable {
    /// A connected blob of the detection map (26-connectivity), with its largest value as confidence.
    public struct Candidate: Sendable, Equatable {
        public var confidence: Double
        public var voxelCount: Int
    }

    public var candidates: [Candidate]
    /// Voxel count of each ground-truth lesion (26-connected components of the label).
    public var lesionVoxelCounts: [Int]
    /// Voxels shared by lesion `l` and candidate `c`: `intersections[l][c]`.
    public var intersections: [[Int]]
    /// The case-level score: the largest value of the map (0 for an empty map).
    public var caseConfidence: Double

    /// Whether the ground truth has any lesion (picai's case target).
    public var isPositive: Bool { !lesionVoxelCounts.isEmpty }

    public init(candidates: [Candidate], lesionVoxelCounts: [Int], intersections: [[Int]], caseConfidence: Double) {
        self.candidates = candidates
        self.lesionVoxelCounts = lesionVoxelCounts
        self.intersections = intersections
        self.caseConfidence = caseConfidence
    }
}

/// Why a detection map cannot be scored, in the terms picai_eval uses.
public enum DetectionMapProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case negativeValue(voxel: Int, value: Double)
    /// More distinct non-zero values than connected blobs: a softmax map, not a detection map.
    case softmaxInsteadOfDetectionMap(blobs: Int, distinctValues: Int)
    case shapeMismatch(map: [Int], label: [Int])
    case notFinite(voxel: Int)

    public var description: String {
        switch self {
        case .negativeValue(let voxel, let value):
            "detection confidences must not be negative; voxel \(voxel) holds \(value)"
        case .softmaxInsteadOfDetectionMap(let blobs, let values):
            "the map has \(values) distinct non-zero values but only \(blobs) connected blobs: it looks like a softmax map; "
                + "a detection map gives each candidate one constant confidence (background 0)"
        case .shapeMismatch(let map, let label):
            "the map's shape \(map) differs from the ground truth's \(label)"
        case .notFinite(let voxel):
            "voxel \(voxel) holds NaN or infinity"
        }
    }
}

extension DetectionCase {
    /// Extracts candidates and lesions from a detection map and a label volume on the same grid (x fastest).
    public init(detectionMap: [Float], mapShape shape: [Int], label: [Bool], labelShape: [Int]) throws(DetectionMapProblem) {
        // picai pads or crops a map whose first axis differs and fails later on other axes; refuse them all.
        guard shape == labelShape, detectionMap.count == label.count else {
            throw .shapeMismatch(map: shape, label: labelShape)
        }
        var distinct = Set<Float>()
        for (voxel, value) in detectionMap.enumerated() {
            guard value.isFinite else { throw .notFinite(voxel: voxel) }
            if value < 0 { throw .negativeValue(voxel: voxel, value: Double(value)) }
            if value != 0 { distinct.insert(value) }
        }
        let blobs = ConnectedComponents(values: detectionMap, shape: shape, connectivity: .twentySix)
        guard blobs.components.count >= distinct.count else {
            throw .softmaxInsteadOfDetectionMap(blobs: blobs.components.count, distinctValues: distinct.count)
        }
        let lesions = ConnectedComponents(values: label.map { $0 ? Float(1) : 0 }, shape: shape, connectivity: .twentySix)
        var intersections = Array(repeating: Array(repeating: 0, count: blobs.components.count), count: lesions.components.count)
        for voxel in detectionMap.indices {
            let (lesion, candidate) = (lesions.labels[voxel], blobs.labels[voxel])
            if lesion != 0, candidate != 0 { intersections[Int(lesion) - 1][Int(candidate) - 1] += 1 }
        }
        self.init(
            candidates: blobs.components.map { Candidate(confidence: $0.maximum, voxelCount: $0.voxelCount) },
            lesionVoxelCounts: lesions.components.map(\.voxelCount),
            intersections: intersections,
            caseConfidence: Double(detectionMap.max() ?? 0))
    }
}

extension DetectionCase {
    /// The same extraction from only the non-zero voxels of the map and of the label (ascending x-fastest
    /// indices): work follows the candidates and lesions, not the grid.
    public init(mapIndices: [Int], mapValues: [Float], mapShape shape: [Int], lesionIndices: [Int], labelShape: [Int]) throws(DetectionMapProblem) {
        guard shape == labelShape else { throw .shapeMismatch(map: shape, label: labelShape) }
        var distinct = Set<Float>()
        for (position, value) in mapValues.enumerated() {
            guard value.isFinite else { throw .notFinite(voxel: mapIndices[position]) }
            if value < 0 { throw .negativeValue(voxel: mapIndices[position], value: Double(value)) }
            distinct.insert(value)
        }
        let grid = (0..<3).map { $0 < shape.count ? shape[$0] : 1 }
        let blobs = SparseComponents(indices: mapIndices, shape: grid, connectivity: .twentySix)
        guard blobs.count >= distinct.count else {
            throw .softmaxInsteadOfDetectionMap(blobs: blobs.count, distinctValues: distinct.count)
        }
        let lesions = SparseComponents(indices: lesionIndices, shape: grid, connectivity: .twentySix)
        var maxima = [Float](repeating: -.infinity, count: blobs.count)
        for (position, label) in blobs.labels.enumerated() { maxima[Int(label) - 1] = max(maxima[Int(label) - 1], mapValues[position]) }
        var intersections = Array(repeating: Array(repeating: 0, count: blobs.count), count: lesions.count)
        var (mapPosition, lesionPosition) = (0, 0)
        while mapPosition < mapIndices.count, lesionPosition < lesionIndices.count {
            if mapIndices[mapPosition] < lesionIndices[lesionPosition] {
                mapPosition += 1
            } else if mapIndices[mapPosition] > lesionIndices[lesionPosition] {
                lesionPosition += 1
            } else {
                intersections[Int(lesions.labels[lesionPosition]) - 1][Int(blobs.labels[mapPosition]) - 1] += 1
                mapPosition += 1
                lesionPosition += 1
            }
        }
        self.init(
            candidates: zip(maxima, blobs.sizes).map { Candidate(confidence: Double($0), voxelCount: $1) },
            lesionVoxelCounts: lesions.sizes, intersections: intersections,
            caseConfidence: Double(mapValues.max().map { max($0, 0) } ?? 0))
    }
}
