import Foundation
import Imaging
import Scoring
import TestSupport

/// Fixtures/oracles/lesions/picai.json, written by scripts/oracles/lesion_picai_oracle.py with picai_eval 1.4.13.
struct PICAIOracle: Decodable {
    struct Evaluation: Decodable {
        let auroc: Double?
        let AP: Double?
        let score: Double?
        let num_cases: Int
        let num_lesions: Int
        let case_pred: [String: Double]
        let case_target: [String: Int]
        let lesion_results: [String: [[Double]]]
        let thresholds: [Double]
        let lesion_TP: [Double]
        let lesion_FP: [Double?]
        let lesion_TPR_at_FPR: [[Double]]
    }

    struct Candidates: Decodable {
        let candidate_confidences: [Double]
        let candidate_voxels: [Int]
        let lesion_voxels: [Int]
        let iou: [[Double]]
    }

    struct Malformed: Decodable {
        let note: String
        let raises: String?
    }

    let evaluate_iou: Evaluation
    let evaluate_dsc: Evaluation
    let candidates: [String: Candidates]
    let malformed: [String: Malformed]

    static let shared = RepositoryFiles.oracle(PICAIOracle.self, "Fixtures/oracles/lesions/picai.json")

    /// The case as the evaluator extracts it (from non-zero voxels), or through the dense path.
    static func detectionCase(_ id: String, folder: String = "cases", dense: Bool = false) throws -> DetectionCase {
        let map = try VolumeReader.read(path: RepositoryFiles.url("Fixtures/lesions/picai/\(folder)/\(id)_detection_map.nii.gz").path)
        let label = try VolumeReader.read(path: RepositoryFiles.url("Fixtures/lesions/picai/\(folder)/\(id)_label.nii.gz").path)
        if dense {
            return try DetectionCase(detectionMap: map.floats(), mapShape: map.shape, label: label.doubles().map { $0 != 0 }, labelShape: label.shape)
        }
        let voxels = map.nonZeroVoxels()
        return try DetectionCase(mapIndices: voxels.indices, mapValues: voxels.values, mapShape: map.shape,
                                 lesionIndices: label.nonZeroVoxels().indices, labelShape: label.shape)
    }
}
