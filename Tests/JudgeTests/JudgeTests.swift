import Challenge
import Evaluation
import Foundation
import Judge
import PlatformSupport
import Store
import Synchronization
import Testing

@Suite("Judge")
struct JudgeTests {
    func judge(_ platform: Platform, worker: String = "test", at offset: TimeInterval = 3600) -> Judge {
        Judge(store: platform.store, worker: worker, clock: { Platform.opens.addingTimeInterval(offset) })
    }

    @Test func scoresEachSplitSeparately() async throws {
        let platform = try Platform()
        let token = try platform.addTeam("alpha")
        // Public A–D: 0,1,2,0 predicted 0,1,2,2 → costs 0,0,0,1; private E–F: 1,2 predicted 1,1 → costs 0,0.5.
        let submission = try #require(try platform.submit(token, [0, 1, 2, 2, 1, 1], at: 1))
        let report = try await judge(platform).drain()
        #expect(report.scored == 1)
        let values = try platform.store.aggregates(submissionID: submission.id, splits: [.public, .private])
        #expect(values[.public]?["cost-matrix"] == 0.75)
        #expect(values[.public]?["accuracy"] == 0.75)
        #expect(values[.private]?["cost-matrix"] == 0.75)
        #expect(values[.private]?["accuracy"] == 0.5)
        #expect(try platform.store.submission(submission.id).status == .scored)
    }

    @Test func everyClaimIsReportedToTheClaimObserverWithWhatItTook() async throws {
        let platform = try Platform()
        try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 2, 1, 1], at: 1)
        let claims = Mutex<[Int]>([])
        var judge = judge(platform)
        judge.claimObserver = { seconds, jobs in
            #expect(seconds >= 0)
            claims.withLock { $0.append(jobs.count) }
        }
        _ = try await judge.drain()
        #expect(claims.withLock { $0 } == [1, 0])
    }

    @Test func rejudgingGivesIdenticalNumbersAndWritesOnce() async throws {
        let platform = try Platform()
        let token = try platform.addTeam("alpha")
        let submission = try #require(try platform.submit(token, [0, 1, 1, 0, 2, 2], at: 1))
        _ = try await judge(platform).drain()
        let first = try platform.store.aggregates(submissionID: submission.id, splits: [.public, .private])
        try platform.store.requeue(challenge: platform.store.challenge("small"), phase: "final", now: Platform.opens)
        let again = try await judge(platform).drain()
        #expect(again.alreadyRecorded == 1)
        #expect(again.conflicts == 0)
        #expect(try platform.store.aggregates(submissionID: submission.id, splits: [.public, .private]) == first)
    }

    @Test func jobOfAJudgeWhoseLeaseRanOutIsTakenOverAndScoredOnce() async throws {
        let platform = try Platform()
        let token = try platform.addTeam("alpha")
        try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 1)
        let crashed = try platform.store.claimJobs(worker: "crashed", limit: 10, leaseSeconds: 60, now: Platform.opens)
        #expect(crashed.count == 1)
        // While the lease runs nobody else gets the job.
        #expect(try platform.store.claimJobs(worker: "other", limit: 10, leaseSeconds: 60, now: Platform.opens.addingTimeInterval(30)).isEmpty)
        let report = try await judge(platform, worker: "rescuer", at: 120).drain()
        #expect(report.scored == 1)
        // The first judge coming back late must not write over the rescuer's result.
        let late = JobResult(job: crashed[0], scorerVersion: ClassificationEvaluator.scorerVersion, truthVersion: "x",
                             outcome: .failed("late"))
        #expect(try platform.store.record([late], now: Platform.opens.addingTimeInterval(130)) == [.leaseLost])
    }

    @Test func manySubmissionsAreScoredInParallelInSubmissionOrder() async throws {
        let platform = try Platform(limits: "{ total: 100 }")
        var expected: [Int64: Double] = [:]
        for index in 0..<40 {
            let token = try platform.addTeam("team\(index)")
            let labels = (0..<6).map { ($0 + index) % 3 }
            let submission = try #require(try platform.submit(token, labels, at: Double(index)))
            let truth = [0, 1, 2, 0]
            expected[submission.id] = Double(zip(truth, labels).filter { $0 == $1 }.count) / 4
        }
        var judge = judge(platform)
        judge.batchSize = 7
        #expect(try await judge.drain().scored == 40)
        for (id, accuracy) in expected {
            #expect(try platform.store.aggregates(submissionID: id, splits: [.public])[.public]?["accuracy"] == accuracy)
        }
    }
}
