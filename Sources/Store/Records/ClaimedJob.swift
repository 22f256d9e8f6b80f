/// A scoring job a worker holds under a lease.
public struct ClaimedJob: Sendable, Equatable {
    public let jobID: Int64
    public let submissionID: Int64
    /// Which attempt this is; completion is fenced on (worker, attempt).
    public let attempt: Int
    public let worker: String

    public var lease: JobLease { JobLease(jobID: jobID, attempt: attempt, worker: worker) }

    public init(jobID: Int64, submissionID: Int64, attempt: Int, worker: String) {
        self.jobID = jobID
        self.submissionID = submissionID
        self.attempt = attempt
        self.worker = worker
    }
}
