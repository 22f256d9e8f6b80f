import Foundation
import Judge
import PlatformSupport
import Store
import Testing

@Suite("Job queue")
struct JobQueueTests {
    func at(_ seconds: TimeInterval) -> Date { Platform.opens.addingTimeInterval(seconds) }

    @Test func jobWhoseWorkersKeepDyingIsQuarantinedAfterItsAttemptsAndNeverClaimedAgain() throws {
        let platform = try Platform()
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

    @Test func jobWithAttemptsLeftIsClaimedAgainAfterItsLease() throws {
        let platform = try Platform()
        try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1)
        _ = try platform.store.claimJobs(worker: "first", limit: 10, leaseSeconds: 60, now: at(100), maxAttempts: 2)
        let second = try platform.store.claimJobs(worker: "second", limit: 10, leaseSeconds: 60, now: at(200), maxAttempts: 2)
        #expect(second.map(\.attempt) == [2])
        #expect(try platform.store.failedJobs().isEmpty)
    }

    @Test func quarantinedReasonNeverReachesTheTeam() throws {
        let platform = try Platform()
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1))
        _ = try platform.store.claimJobs(worker: "only", limit: 10, leaseSeconds: 60, now: at(100), maxAttempts: 1)
        _ = try platform.store.claimJobs(worker: "next", limit: 10, leaseSeconds: 60, now: at(200), maxAttempts: 1)
        let failure = try #require(try platform.store.submission(submission.id).failure)
        #expect(!failure.contains("worker"))
        #expect(!failure.contains("lease"))
    }
}
