import Challenge
import Foundation
import Logging
import Store

/// Claims scoring jobs, scores them on all cores and records the results.
public struct Judge: Sendable {
    public let store: any ArbiterStore
    /// Identifies this worker in leases and in the audit trail.
    public let worker: String
    public var batchSize = 64
    public var leaseSeconds = 300.0
    public var concurrency = max(1, ProcessInfo.processInfo.activeProcessorCount)
    public var logger = Logger(label: "arbiter.judge")
    /// Claims a job may have before the queue quarantines it (a file that kills every worker that scores it).
    public var maxAttempts = JobQueue.defaultMaxAttempts
    /// Where batches are scored: in this process, or in a child process that a crash can take down alone.
    public var isolation = ScoringIsolation.inProcess
    /// Told how long each claim took and what it took, for the operator's metrics.
    public var claimObserver: (@Sendable (_ seconds: Double, _ jobs: [ClaimedJob]) -> Void)?
    let clock: @Sendable () -> Date

    public init(store: any ArbiterStore, worker: String = "judge-\(ProcessInfo.processInfo.processIdentifier)",
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.worker = worker
        self.clock = clock
    }

    /// Scores until no job can be claimed. In this process, a batch's results are written while the next batch is
    /// scored, so the database's one writer and the scoring tasks work at once.
    public func drain() async throws -> JudgeReport {
        var report = JudgeReport()
        var truths: [String: Result<PhaseTruth, any Error>] = [:]
        var unrecorded: [JobResult] = []
        while true {
            // Claimed before the previous batch is written: on SQLite a claim waits for the writer, so the other
            // order would write, then claim, then score, one after the other.
            let jobs = try claim()
            let previous = unrecorded
            async let recorded = previous.isEmpty ? [] : store.record(previous, now: clock())
            guard !jobs.isEmpty else {
                report.add(try await recorded)
                return report
            }
            switch isolation {
            case .inProcess:
                let work = try prepare(jobs, truths: &truths)
                unrecorded = try await keepingLeases(of: jobs) { try await score(work) }
                report.add(try await recorded)
            case .childProcess(let child):
                report.add(try await recorded)
                unrecorded = []
                report.add(try await keepingLeases(of: jobs) { try await scoreInChildren(jobs, child: child) })
            }
            logger.debug("judged a batch", metadata: ["jobs": "\(jobs.count)", "worker": "\(worker)"])
        }
    }

    /// The next batch of jobs, told to the claim observer.
    private func claim() throws -> [ClaimedJob] {
        let claimStarted = ContinuousClock.now
        let jobs = try store.claimJobs(worker: worker, limit: batchSize, leaseSeconds: leaseSeconds, now: clock(), maxAttempts: maxAttempts)
        if let claimObserver {
            let elapsed = (ContinuousClock.now - claimStarted).components
            claimObserver(Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18, jobs)
        }
        return jobs
    }

    /// Scores and records jobs another process claimed as this worker (the child side of `.childProcess`):
    /// the parent keeps the leases alive, so nothing here heartbeats.
    public func scoreClaimed(_ jobs: [ClaimedJob]) async throws -> [RecordOutcome] {
        var truths: [String: Result<PhaseTruth, any Error>] = [:]
        let work = try prepare(jobs, truths: &truths)
        return try store.record(try await score(work), now: clock())
    }

    /// Each job with its submission and its phase's truth, loading each phase's truth once.
    private func prepare(_ jobs: [ClaimedJob], truths: inout [String: Result<PhaseTruth, any Error>]) throws -> [(ClaimedJob, JobContext, PhaseTruth?)] {
        try zip(jobs, store.jobContexts(jobs)).map { job, context -> (ClaimedJob, JobContext, PhaseTruth?) in
            let key = "\(context.challenge)/\(context.phase)"
            if truths[key] == nil {
                truths[key] = Result { try PhaseTruth(challenge: store.challenge(context.challenge), phase: context.phase, store: store) }
                if case .failure(let error)? = truths[key] {
                    // For the operator: the team only hears that scoring waits for the organisers.
                    logger.error("cannot load the truth of a phase", metadata: ["phase": "\(key)", "error": "\(error)"])
                }
            }
            return (job, context, try? truths[key]?.get())
        }
    }

    /// Runs `body` while renewing the leases of `jobs`, so a slow batch stays this judge's and only a judge that
    /// died (and stopped renewing) loses its jobs to another.
    func keepingLeases<T: Sendable>(of jobs: [ClaimedJob], _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await LeaseKeeper(store: store, leaseSeconds: leaseSeconds, clock: clock, logger: logger).keeping(jobs.map(\.lease), body)
    }

    /// Scores a batch with at most `concurrency` files in flight; results keep the batch order.
    private func score(_ work: [(ClaimedJob, JobContext, PhaseTruth?)]) async throws -> [JobResult] {
        let (store, logger) = (self.store, self.logger)
        return try await withThrowingTaskGroup(of: (Int, JobResult).self) { group in
            var results = [JobResult?](repeating: nil, count: work.count)
            var next = 0
            func launch() {
                let index = next
                let (job, context, truth) = work[index]
                next += 1
                group.addTask {
                    (index, await Self.score(job, context: context, truth: truth, store: store, logger: logger))
                }
            }
            while next < min(concurrency, work.count) { launch() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < work.count { launch() }
            }
            return results.compactMap { $0 }
        }
    }

    private static func score(_ job: ClaimedJob, context: JobContext, truth: PhaseTruth?, store: any ArbiterStore, logger: Logger) async -> JobResult {
        guard let truth else {
            // A failure stores no evaluation, so no scorer version is recorded for it.
            return JobResult(job: job, scorerVersion: "none", truthVersion: "",
                             outcome: .failed("the phase cannot be scored yet (its ground truth is not ready); the organisers will re-judge"))
        }
        let outcome: JobResult.Outcome
        do {
            outcome = try await truth.score(blob: context.scoredSHA256, in: store.blobs, fileName: context.scoredFileName)
        } catch {
            logger.error("a stored submission could not be read", metadata: ["submission": "\(job.submissionID)", "error": "\(error)"])
            outcome = .failed("the stored file could not be read; the organisers have the details and will re-judge")
        }
        return JobResult(job: job, scorerVersion: truth.scorerVersion, truthVersion: truth.truthVersion, outcome: outcome)
    }
}
