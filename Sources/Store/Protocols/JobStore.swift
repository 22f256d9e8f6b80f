import Foundation

/// The job queue, one for every `JobKind`. A claim takes jobs of one kind under a lease for one worker; a worker
/// that stops renewing its lease loses the jobs to the next claim; completion is fenced on (worker, attempt), so a
/// late worker cannot overwrite a newer attempt; a job whose lease runs out after its last attempt is quarantined
/// as failed, with its reason.
public protocol JobStore: Sendable {
    /// Claims scoring jobs, and marks their submissions as being scored.
    func claimJobs(worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedJob]
    /// Renews the leases still held by their worker and attempt.
    func heartbeat(_ leases: [JobLease], leaseSeconds: Double, now: Date) throws
    func jobContext(_ job: ClaimedJob) throws -> JobContext
    /// The contexts of a claimed batch, in its order (as `jobContext` of each; an adapter may read them at once).
    func jobContexts(_ jobs: [ClaimedJob]) throws -> [JobContext]
    /// Records results, each only if its job is still held by that worker and attempt.
    func record(_ results: [JobResult], now: Date) throws -> [RecordOutcome]
    /// Queues every submission of a challenge (or one phase) to be scored again; returns how many.
    @discardableResult
    func requeue(challenge: StoredChallenge, phase: String?, now: Date) throws -> Int

    /// The task methods below refuse `.score` with a precondition: a kind is always named in code, never read from
    /// outside input, and scoring jobs belong to submissions (`acceptSubmission`, `claimJobs`).
    ///
    /// Queues one job of `kind` per payload, in order; returns their ids.
    @discardableResult
    func enqueueTasks(kind: JobKind, payloads: [String], now: Date) throws -> [Int64]
    /// Claims up to `limit` jobs of `kind` (not scoring: its jobs belong to submissions), as `claimJobs` does.
    func claimTasks(kind: JobKind, worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedTask]
    /// Marks a claimed job done, or failed with the operator's reason, if its lease is still the one held; returns
    /// false (changing nothing) when another claim took the job over.
    @discardableResult
    func finishTask(_ lease: JobLease, failure: String?, now: Date) throws -> Bool

    func failedJobs() throws -> [FailedJob]
    /// Returns once jobs may have been queued, or after `timeout`, whichever comes first (see `JobSignal`): an idle
    /// worker waits here between claims instead of sleeping a whole poll interval. True when woken, false when the
    /// timeout passed first.
    @discardableResult
    func waitForJobs(timeout: Duration) async -> Bool
    /// Scoring jobs not finished yet.
    func pendingJobCount() throws -> Int
    /// Jobs of each kind by state (leases judged at `now`), and claims made, for `/metrics`. Every kind is present.
    func queueStatistics(now: Date) throws -> [JobKind: QueueStatistics]
    func jobAndEvaluationCounts() throws -> [Int64: (jobs: Int, evaluations: Int)]
}

extension JobStore {
    public func claimJobs(worker: String, limit: Int, leaseSeconds: Double, now: Date) throws -> [ClaimedJob] {
        try claimJobs(worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: now, maxAttempts: JobQueue.defaultMaxAttempts)
    }

    public func heartbeat(_ jobs: [ClaimedJob], leaseSeconds: Double, now: Date) throws {
        try heartbeat(jobs.map(\.lease), leaseSeconds: leaseSeconds, now: now)
    }

    public func jobContexts(_ jobs: [ClaimedJob]) throws -> [JobContext] {
        try jobs.map(jobContext)
    }
}
