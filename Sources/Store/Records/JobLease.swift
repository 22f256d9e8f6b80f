/// The hold a worker has on a claimed job: completion and heartbeats are fenced on all three, so a worker whose
/// lease ran out cannot touch the job once another has claimed it.
public struct JobLease: Sendable, Equatable, Hashable {
    public let jobID: Int64
    /// Which claim of the job this is, from 1.
    public let attempt: Int
    public let worker: String

    public init(jobID: Int64, attempt: Int, worker: String) {
        self.jobID = jobID
        self.attempt = attempt
        self.worker = worker
    }
}
