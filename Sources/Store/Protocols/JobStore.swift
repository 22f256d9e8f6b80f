import Foundation

/// The scoring queue. A claim takes jobs under a lease for one worker; a worker that stops renewing its lease
/// loses the jobs to the next claim; completion is fenced on (worker, attempt), so a late worker cannot overwrite
/// a newer attempt; a job whose lease runs out after its last attempt is quarantined as failed, with its reason.
public protocol JobStore: Sendable {
    func claimJobs(worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedJob]
    /// Renews the leases of jobs still being scored.
    func heartbeat(_ jobs: [ClaimedJob], leaseSeconds: Double, now: Date) throws
    func jobContext(_ job: ClaimedJob) throws -> JobContext
    /// Records results, each only if its job is still held by that worker and attempt.
    func record(_ results: [JobResult], now: Date) throws -> [RecordOutcome]
    /// Queues every submission of a challenge (or one phase) to be scored again; returns how many.
    @discardableResult
    func requeue(challenge: StoredChallenge, phase: String?, now: Date) throws -> Int
    func failedJobs() throws -> [FailedJob]
    /// Returns once jobs may have been queued, or after `timeout`, whichever comes first (see `JobSignal`): an idle
    /// worker waits here between claims instead of sleeping a whole poll interval.
    func waitForJobs(timeout: Duration) async
    func pendingJobCount() throws -> Int
    /// Jobs by state (leases judged at `now`), and claims made, for `/metrics`.
    func queueStatistics(now: Date) throws -> QueueStatistics
    func jobAndEvaluationCounts() throws -> [Int64: (jobs: Int, evaluations: Int)]
}

extension JobStore {
    public func claimJobs(worker: String, limit: Int, leaseSeconds: Double, now: Date) throws -> [ClaimedJob] {
        try claimJobs(worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: JobQueue.defaultMaxAttempts)
    }
}
