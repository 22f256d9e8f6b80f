/// A job the queue gave up on, for the operator.
public struct FailedJob: Sendable, Equatable {
    public let jobID: Int64
    public let submissionID: Int64
    public let attempts: Int
    /// Why, for the operator; nil when the scorer itself reported the file's problem (the submission says it).
    public let reason: String?
}
