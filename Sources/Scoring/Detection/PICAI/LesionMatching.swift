/// How a candidate's overlap with a lesion is measured (picai_eval's `overlap_func`).
public enum OverlapMeasure: String, Sendable, Codable, CaseIterable {
    /// (I + 1e-8) / (|P| + |G| - I + 1e-8).
    case iou
    /// (2I + 1e-8) / (|P| + |G| + 1e-8).
    case dsc

    func overlap(intersection: Int, candidate: Int, lesion: Int) -> Double {
        let smoothing = 1e-8
        switch self {
        case .iou: return (Double(intersection) + smoothing) / (Double(candidate + lesion - intersection) + smoothing)
        case .dsc: return (Double(intersection) * 2.0 + smoothing) / (Double(candidate + lesion) + smoothing)
        }
    }
}

/// One entry of picai_eval's per-case `y_list`: a lesion found or missed, or a false candidate.
public struct LesionOutcome: Sendable, Equatable, Codable {
    public var isLesion: Bool
    public var confidence: Double
    public var overlap: Double
}

/// Matches candidates to lesions as picai_eval's `evaluate_case` does.
public enum LesionMatching {
    /// True positives (lesion order of the assignment), then missed lesions, then false positives
    /// (candidate order). Candidates that reach `minimumOverlap` with some lesion but lose the assignment
    /// are dropped, neither true nor false.
    public static func outcomes(_ detection: DetectionCase, overlap measure: OverlapMeasure = .iou, minimumOverlap: Double = 0.10) -> [LesionOutcome] {
        let candidates = detection.candidates
        guard detection.isPositive else {
            return candidates.map { LesionOutcome(isLesion: false, confidence: $0.confidence, overlap: 0) }
        }
        guard !candidates.isEmpty else {
            return detection.lesionVoxelCounts.map { _ in LesionOutcome(isLesion: true, confidence: 0, overlap: 0) }
        }
        // Overlaps below the minimum cannot match; the others get +1 so that the assignment
        // first maximises the number of matches, then their total overlap.
        let boosted = detection.lesionVoxelCounts.indices.map { lesion in
            candidates.indices.map { candidate -> Double in
                let value = measure.overlap(intersection: detection.intersections[lesion][candidate],
                                            candidate: candidates[candidate].voxelCount, lesion: detection.lesionVoxelCounts[lesion])
                return value < minimumOverlap ? 0 : value + 1
            }
        }
        let matches = LinearSumAssignment.solve(boosted, maximize: true).filter { boosted[$0.row][$0.column] > 0 }
        var outcomes = matches.map { LesionOutcome(isLesion: true, confidence: candidates[$0.column].confidence, overlap: boosted[$0.row][$0.column] - 1) }
        let matchedLesions = Set(matches.map(\.row))
        outcomes += detection.lesionVoxelCounts.indices.filter { !matchedLesions.contains($0) }.map { _ in
            LesionOutcome(isLesion: true, confidence: 0, overlap: 0)
        }
        let reachedMinimum = Set(candidates.indices.filter { candidate in boosted.contains { $0[candidate] > 0 } })
        outcomes += candidates.indices.filter { !reachedMinimum.contains($0) }.map {
            LesionOutcome(isLesion: false, confidence: candidates[$0].confidence, overlap: 0)
        }
        return outcomes
    }
}
