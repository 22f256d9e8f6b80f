import Foundation

/// Where a submission is on its way from upload to leaderboard.
public enum SubmissionStatus: String, Sendable, Codable {
    case queued
    case scoring
    case scored
    case failed
}

/// A stored submission as its team may see it.
public struct StoredSubmission: Sendable, Equatable {
    public let id: Int64
    public let phaseID: Int64
    public let teamID: Int64
    public let fileName: String
    public let fileSHA256: String
    public let byteCount: Int
    public let submittedAt: Date
    public let status: SubmissionStatus
    /// Why scoring failed, for the team (never mentions the truth).
    public let failure: String?
    /// When the team chose this as its final entry, under the team-choice rule.
    public let chosenAt: Date?
}
