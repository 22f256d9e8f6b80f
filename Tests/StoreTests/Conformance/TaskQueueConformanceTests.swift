import Foundation
import PlatformSupport
import Store
import Testing

/// Jobs of other kinds than scoring share the queue and its lease protocol, and never mix with scoring jobs.
@Suite("Store conformance: tasks of other kinds")
struct TaskQueueConformanceTests {
    func at(_ seconds: TimeInterval) -> Date { Platform.opens.addingTimeInterval(seconds) }

    @Test(arguments: StoreAdapter.all)
    func queuedTasksAreClaimedOldestFirstWithTheirPayloads(_ adapter: StoreAdapter) throws {
        let store = try adapter.open()
        try store.enqueueTasks(kind: .tile, payloads: ["a.svs", "b.svs", "c.svs"], now: at(0))
        let first = try store.claimTasks(kind: .tile, worker: "w1", limit: 2, leaseSeconds: 60, now: at(1), maxAttempts: 3)
        let second = try store.claimTasks(kind: .tile, worker: "w2", limit: 2, leaseSeconds: 60, now: at(2), maxAttempts: 3)
        #expect(first.map(\.payload) == ["a.svs", "b.svs"])
        #expect(second.map(\.payload) == ["c.svs"])
        #expect(first.allSatisfy { $0.kind == .tile && $0.lease.attempt == 1 && $0.lease.worker == "w1" })
    }

    @Test(arguments: StoreAdapter.all)
    func scoringAndTilingClaimsNeverTakeEachOthersJobs(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 1, 2], at: 1)
        try platform.store.enqueueTasks(kind: .tile, payloads: ["a.svs"], now: at(2))
        let tiles = try platform.store.claimTasks(kind: .tile, worker: "tiler", limit: 10, leaseSeconds: 60, now: at(3), maxAttempts: 3)
        let scores = try platform.store.claimJobs(worker: "judge", limit: 10, leaseSeconds: 60, now: at(3))
        #expect(tiles.map(\.payload) == ["a.svs"])
        #expect(scores.count == 1)
        #expect(try platform.store.pendingJobCount() == 1)
    }

    @Test(arguments: StoreAdapter.all)
    func finishingIsFencedOnTheLeaseHeldNow(_ adapter: StoreAdapter) throws {
        let store = try adapter.open()
        try store.enqueueTasks(kind: .tile, payloads: ["a.svs"], now: at(0))
        let stale = try #require(try store.claimTasks(kind: .tile, worker: "slow", limit: 1, leaseSeconds: 60, now: at(1), maxAttempts: 3).first)
        let current = try #require(try store.claimTasks(kind: .tile, worker: "fast", limit: 1, leaseSeconds: 60, now: at(100), maxAttempts: 3).first)
        #expect(current.lease.attempt == 2)
        #expect(try store.finishTask(stale.lease, failure: nil, now: at(110)) == false)
        #expect(try store.finishTask(current.lease, failure: nil, now: at(120)))
        #expect(try store.claimTasks(kind: .tile, worker: "late", limit: 1, leaseSeconds: 60, now: at(1000), maxAttempts: 3).isEmpty)
        #expect(try store.queueStatistics(now: at(1000))[.tile] == QueueStatistics(done: 1, claims: 2, reclaims: 1))
    }

    @Test(arguments: StoreAdapter.all)
    func taskFailedByItsWorkerKeepsTheReasonForTheOperator(_ adapter: StoreAdapter) throws {
        let store = try adapter.open()
        try store.enqueueTasks(kind: .tile, payloads: ["broken.svs"], now: at(0))
        let task = try #require(try store.claimTasks(kind: .tile, worker: "w", limit: 1, leaseSeconds: 60, now: at(1), maxAttempts: 3).first)
        try store.finishTask(task.lease, failure: "broken.svs: not a TIFF file", now: at(2))
        let failed = try store.failedJobs()
        #expect(failed.map(\.kind) == [.tile])
        #expect(failed.first?.submissionID == nil)
        #expect(failed.first?.reason == "broken.svs: not a TIFF file")
    }

    @Test(arguments: StoreAdapter.all)
    func taskWhoseWorkersKeepDyingIsQuarantined(_ adapter: StoreAdapter) throws {
        let store = try adapter.open()
        try store.enqueueTasks(kind: .tile, payloads: ["huge.svs"], now: at(0))
        for attempt in 1...2 {
            #expect(try store.claimTasks(kind: .tile, worker: "w\(attempt)", limit: 1, leaseSeconds: 60, now: at(Double(attempt) * 100),
                                         maxAttempts: 2).map(\.lease.attempt) == [attempt])
        }
        #expect(try store.claimTasks(kind: .tile, worker: "w3", limit: 1, leaseSeconds: 60, now: at(1000), maxAttempts: 2).isEmpty)
        #expect(try store.failedJobs().first?.reason?.contains("gave up after 2 attempts") == true)
    }

    @Test(arguments: StoreAdapter.all)
    func heartbeatKeepsATaskFromBeingTakenOver(_ adapter: StoreAdapter) throws {
        let store = try adapter.open()
        try store.enqueueTasks(kind: .tile, payloads: ["a.svs"], now: at(0))
        let held = try store.claimTasks(kind: .tile, worker: "w", limit: 1, leaseSeconds: 60, now: at(1), maxAttempts: 3)
        try store.heartbeat(held.map(\.lease), leaseSeconds: 60, now: at(50))
        #expect(try store.claimTasks(kind: .tile, worker: "thief", limit: 1, leaseSeconds: 60, now: at(90), maxAttempts: 3).isEmpty)
    }
}
