import Geometry

/// Turns a softmax map into a detection map as report_guided_annotation 0.3.4's
/// `extract_lesion_candidates(softmax, threshold="dynamic-fast")` does, for phases that accept softmax maps.
public enum SoftmaxCandidates {
    /// Values below float32(max / 2.5) are cleared; 26-connected blobs of more than `minimumVoxels` voxels
    /// remain, each set to its largest value; smaller blobs are removed. There is no cap on the number of
    /// candidates (the "up to 5" of the `dynamic` mode does not apply to `dynamic-fast`).
    public static func dynamicFast(softmax: [Float], shape: [Int], thresholdFactor: Float = 2.5, minimumVoxels: Int = 10) -> [Float] {
        let maximum = softmax.max() ?? 0
        let threshold = maximum / thresholdFactor
        let clipped = softmax.map { $0 < threshold ? 0 : $0 }
        let blobs = ConnectedComponents(values: clipped, shape: shape, connectivity: .twentySix)
        let confidence = blobs.components.map { $0.voxelCount > minimumVoxels ? Float($0.maximum) : 0 }
        return blobs.labels.map { $0 == 0 ? 0 : confidence[Int($0) - 1] }
    }
}
