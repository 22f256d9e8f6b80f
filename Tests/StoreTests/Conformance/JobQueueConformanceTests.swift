import Foundation
import PlatformSupport
import Store
import Testing

/// What every store adapter's queue must do: leases, fencing, capped attempts.
@Suite("Store conformance: job queue")
struct JobQueueConformanceTests {
    func at(_ seconds: TimeInterval) -> Date { Platform.opens.addingTimeInterval(seconds) }

    @Test(arguments: StoreAdapter.all)
    func jobWhoseWorkersKeepDyingIsQuarantinedAfterItsAttemptsAndNeverClaimedAgain(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1))
        // Three workers each claim the job and die without a result: their leases run out one after another.
        for attempt in 1...3 {
            let claimed = try platform.store.claimJobs(worker: "doomed-\(attempt)", limit: 10, leaseSeconds: 60,
                                                       now: at(Double(attempt) * 100), maxAttempts: 3)
            #expect(claimed.map(\.attempt) == [attempt])
        }
        #expect(try platform.store.claimJobs(worker: "next", limit: 10, leaseSeconds: 60, now: at(1000), maxAttempts: 3).isEmpty)
        #expect(try platform.store.claimJobs(worker: "later", limit: 10, leaseSeconds: 60, now: at(9000), maxAttempts: 3).isEmpty)
        let stored = try platform.store.submission(submission.id)
        #expect(stored.status == .failed)
        #expect(stored.failure == JobFailure.gaveUp.teamMessage)
        let failed = try platform.store.failedJobs()
        #expect(failed.count == 1)
        #expect(failed.first?.attempts == 3)
        #expect(failed.first?.reason?.contains("gave up after 3 attempts") == true)
    }

    @Test(arguments: StoreAdapter.all)
    func jobWithAttemptsLeftIsClaimedAgainAfterItsLease(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1)
        _ = try platform.store.claimJobs(worker: "first", limit: 10, leaseSeconds: 60, now: at(100), maxAttempts: 2)
        let second = try platform.store.claimJobs(worker: "second", limit: 10, leaseSeconds: 60, now: at(200), maxAttempts: 2)
        #expect(second.map(\.attempt) == [2])
        #expect(try platform.store.failedJobs().isEmpty)
    }

    @Test(arguments: StoreAdapter.all)
    func quarantinedReasonNeverReachesTheTeam(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1))
        _ = try platform.store.claimJobs(worker: "only", limit: 10, leaseSeconds: 60, now: at(100), maxAttempts: 1)
        _ = try platform.store.claimJobs(worker: "next", limit: 10, leaseSeconds: 60, now: at(200), maxAttempts: 1)
        let failure = try #require(try platform.store.submission(submission.id).failure)
        #expect(!failure.contains("worker"))
        #expect(!failure.contains("lease"))
    }
}

extension JobQueueConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func contextsOfAClaimedBatchAreEachJobsOwnInClaimOrder(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        for (index, team) in ["alpha", "beta", "gamma"].enumerated() {
            try platform.submit(try platform.addTeam(team), [0, 1, 2, 0, 1, index], at: Double(index + 1))
        }
        let jobs = try platform.store.claimJobs(worker: "judge", limit: 10, leaseSeconds: 60, now: at(10))
        #expect(jobs.count == 3)
        let batch = try platform.store.jobContexts(jobs)
        let single = try jobs.map { try platform.store.jobContext($0) }
        #expect(batch.map(\.submission) == single.map(\.submission))
        #expect(batch.map(\.submission.id) == jobs.map(\.submissionID))
        #expect(batch.map(\.scoredSHA256) == single.map(\.scoredSHA256))
        #expect(batch.map { "\($0.challenge)/\($0.phase)/\($0.scoredFileName)" } == single.map { "\($0.challenge)/\($0.phase)/\($0.scoredFileName)" })
    }

    @Test(arguments: StoreAdapter.all)
    func lateResultFromAWorkerWhoseLeaseRanOutIsRefusedAndTheNewAttemptsIsKept(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1))
        let first = try platform.store.claimJobs(worker: "slow", limit: 1, leaseSeconds: 60, now: at(100))
        #expect(try platform.store.claimJobs(worker: "eager", limit: 1, leaseSeconds: 60, now: at(130)).isEmpty)
        let second = try platform.store.claimJobs(worker: "fresh", limit: 1, leaseSeconds: 60, now: at(200))
        #expect(second.map(\.attempt) == [2])
        let late = JobResult(job: try #require(first.first), scorerVersion: "v", truthVersion: "t", outcome: .failed("late"))
        #expect(try platform.store.record([late], now: at(210)) == [.leaseLost])
        let current = JobResult(job: try #require(second.first), scorerVersion: "v", truthVersion: "t", outcome: .failed("current"))
        #expect(try platform.store.record([current], now: at(220)) == [.failed])
        #expect(try platform.store.submission(submission.id).failure == "current")
    }

    @Test(arguments: StoreAdapter.all)
    func heartbeatKeepsALeaseFromBeingTakenOver(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1)
        let held = try platform.store.claimJobs(worker: "alive", limit: 1, leaseSeconds: 60, now: at(100))
        try platform.store.heartbeat(held, leaseSeconds: 60, now: at(150))
        #expect(try platform.store.claimJobs(worker: "rival", limit: 1, leaseSeconds: 60, now: at(190)).isEmpty)
        #expect(try platform.store.claimJobs(worker: "rival", limit: 1, leaseSeconds: 60, now: at(211)).map(\.attempt) == [2])
    }

    @Test(arguments: StoreAdapter.all)
    func claimsFromParallelWorkersNeverShareAJob(_ adapter: StoreAdapter) async throws {
        let platform = try Platform(adapter: adapter, limits: "{ total: 100 }")
        for index in 0..<20 { try platform.submit(try platform.addTeam("team\(index)"), [0, 1, 2, 0, 1, 2], at: Double(index)) }
        let claimed = await withTaskGroup(of: [Int64].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    (try? platform.store.claimJobs(worker: "w\(worker)", limit: 3, leaseSeconds: 60, now: platform.at(100)))?.map(\.jobID) ?? []
                }
            }
            return await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claimed.count == 20)
        #expect(Set(claimed).count == claimed.count)
    }

    @Test(arguments: StoreAdapter.all)
    func queueStatisticsCountJobsByStateAndClaimsAfterExpiredLeases(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        #expect(try platform.store.queueStatistics(now: at(0)) == [.score: QueueStatistics(), .tile: QueueStatistics(), .run: QueueStatistics()])
        for name in ["alpha", "bravo", "charlie"] { try platform.submit(try platform.addTeam(name), [0, 1, 2, 0, 1, 2], at: 1) }
        _ = try platform.store.claimJobs(worker: "first", limit: 2, leaseSeconds: 60, now: at(100), maxAttempts: 3)
        #expect(try platform.store.queueStatistics(now: at(150))[.score] == QueueStatistics(queued: 1, running: 2, claims: 2))
        // Both leases ran out; a second worker takes one of the two jobs over.
        #expect(try platform.store.claimJobs(worker: "second", limit: 1, leaseSeconds: 60, now: at(300), maxAttempts: 3).map(\.attempt) == [2])
        #expect(try platform.store.queueStatistics(now: at(310))[.score]
            == QueueStatistics(queued: 1, running: 1, leaseExpired: 1, claims: 3, reclaims: 1))
    }
}
