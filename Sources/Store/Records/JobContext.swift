/// What a judge needs to know about the submission behind a job.
public struct JobContext: Sendable {
    public let submission: StoredSubmission
    public let challenge: String
    public let phase: String
}
