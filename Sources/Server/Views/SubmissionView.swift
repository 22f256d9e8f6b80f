import Challenge
import Foundation
import Store

/// A submission as its own team (or an organiser) sees it. Scores appear only for splits the leaderboard
/// shows: the public split while the phase runs (not at all under the Ladder, whose point is to hide it),
/// the private split once published.
struct SubmissionView: Codable, Sendable {
    let id: Int64
    let challenge: String
    let phase: String
    let team: String
    let fileName: String
    let sha256: String
    let byteCount: Int
    let submittedAt: Date
    /// `queued`, `scoring`, `scored` or `failed`.
    let status: String
    let failure: String?
    let chosen: Bool
    let statusURL: String
    /// Metric values by split, for the splits this phase shows now.
    let scores: [String: [String: Double?]]?
    /// For a container phase: how its container's run went.
    let run: ContainerRunView?

    init(_ submission: StoredSubmission, challenge: String, phase: StoredPhase, team: String,
         scores: [Split: [String: Double?]]?, run: ContainerRunView? = nil) {
        id = submission.id
        self.challenge = challenge
        self.phase = phase.spec.slug
        self.team = team
        fileName = submission.fileName
        sha256 = submission.fileSHA256
        byteCount = submission.byteCount
        submittedAt = submission.submittedAt
        status = submission.status.rawValue
        failure = submission.failure
        chosen = submission.chosenAt != nil
        statusURL = "/api/v1/submissions/\(submission.id)"
        self.scores = scores.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) }
        self.run = run
    }

    /// The splits whose scores a phase shows now.
    static func visibleSplits(_ phase: StoredPhase) -> [Split] {
        var splits: [Split] = []
        if phase.spec.publicFeedback != .ladder { splits.append(phase.spec.publicSplit) }
        if phase.isPublished, let hidden = phase.spec.privateSplit { splits.append(hidden) }
        return splits
    }
}
