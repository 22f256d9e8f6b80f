import Foundation
import Store

/// Workers that each claim one job at a time and complete it until the queue is empty, as judges do with a batch of
/// one, on plain threads (the store's calls block, so tasks on the cooperative pool would serialise beyond its width).
/// A completion is `record` of a failed result: the queue's own writes (the job's fence, its state and its
/// submission's status, in one transaction), without an evaluation's rows.
struct ClaimWorkers: Sendable {
    struct Tally: Sendable {
        var claims = 0
        var claimSeconds = 0.0
        var recordSeconds = 0.0

        mutating func add(_ other: Tally) {
            claims += other.claims
            claimSeconds += other.claimSeconds
            recordSeconds += other.recordSeconds
        }
    }

    struct Outcome: Sendable {
        let tally: Tally
        let seconds: Double
    }

    /// One store per worker, or the same store for all (a shared pool).
    let stores: [any ArbiterStore]

    /// Runs the workers from one start and returns when the last finds the queue empty.
    func drain() throws -> Outcome {
        let group = DispatchGroup()
        let results = Locked<[Result<Tally, any Error>]>([])
        let started = ContinuousClock.now
        for (index, store) in stores.enumerated() {
            group.enter()
            Thread.detachNewThread {
                let result = Result { try Self.work(store: store, worker: "claimer-\(index)") }
                results.withLock { $0.append(result) }
                group.leave()
            }
        }
        group.wait()
        let seconds = Stopwatch.seconds(ContinuousClock.now - started)
        var total = Tally()
        for result in results.withLock({ $0 }) { total.add(try result.get()) }
        return Outcome(tally: total, seconds: seconds)
    }

    private static func work(store: any ArbiterStore, worker: String) throws -> Tally {
        var tally = Tally()
        while true {
            let claimStart = ContinuousClock.now
            let jobs = try store.claimJobs(worker: worker, limit: 1, leaseSeconds: 300, now: Date())
            let recordStart = ContinuousClock.now
            tally.claimSeconds += Stopwatch.seconds(recordStart - claimStart)
            guard let job = jobs.first else { return tally }
            let result = JobResult(job: job, scorerVersion: "claims", truthVersion: "claims", outcome: .failed("claim benchmark"))
            let outcomes = try store.record([result], now: Date())
            tally.recordSeconds += Stopwatch.seconds(ContinuousClock.now - recordStart)
            guard outcomes.first == .failed else { throw ClaimBenchError("job \(job.jobID) recorded as \(outcomes), not failed") }
            tally.claims += 1
        }
    }
}

/// A value behind a lock, for the worker threads' results.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only read or written while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&value) }
    }
}

struct ClaimBenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
