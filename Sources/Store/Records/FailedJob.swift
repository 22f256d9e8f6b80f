/// A job the queue gave up on, for the operator.
public struct FailedJob: Sendable, Equatable {
    public let jobID: Int64
    public let kind: JobKind
    /// The submission a scoring job scored; nil for other kinds.
    public let submissionID: Int64?
    public let attempts: Int
    /// Why, for the operator; nil when the scorer itself reported the file's problem (the submission says it).
    public let reason: String?

    public init(jobID: Int64, kind: JobKind, submissionID: Int64?, attempts: Int, reason: String?) {
        self.jobID = jobID
        self.kind = kind
        self.submissionID = submissionID
        self.attempts = attempts
        self.reason = reason
    }
}
