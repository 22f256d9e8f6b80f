import Challenge
import Foundation

/// A scored submission with the aggregates of the splits the caller may see.
public struct ScoredSubmission: Sendable, Equatable {
    public let submissionID: Int64
    public let teamID: Int64
    public let submittedAt: Date
    public let chosenAt: Date?
    /// `values[split][metric]`, only for the splits that were asked for.
    public let values: [Split: [String: Double?]]

    public init(submissionID: Int64, teamID: Int64, submittedAt: Date, chosenAt: Date?, values: [Split: [String: Double?]]) {
        self.submissionID = submissionID
        self.teamID = teamID
        self.submittedAt = submittedAt
        self.chosenAt = chosenAt
        self.values = values
    }
}
