import Foundation
import PlatformSupport
import Store
import Testing

/// An idle worker waits for jobs with a long poll, and a new submission ends the wait at once.
@Suite("Store conformance: waking idle workers")
struct JobWakeConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func acceptedSubmissionWakesAWorkerWaitingInTheSameProcess(_ adapter: StoreAdapter) async throws {
        let platform = try Platform(adapter: adapter)
        let team = try platform.addTeam("alpha")
        try await JobWake.settle(platform.store)
        let started = ContinuousClock.now
        async let waited: Void = platform.store.waitForJobs(timeout: .seconds(30))
        try await Task.sleep(for: .milliseconds(200))
        try platform.submit(team, [0, 1, 2, 0, 1, 2], at: 1)
        await waited
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}

/// Helpers for tests of waking.
enum JobWake {
    /// Waits until a short wait runs to its end, so no signal is left over from opening the store (PostgreSQL's
    /// listener signals once when it starts listening) to end the next wait early.
    static func settle(_ store: any ArbiterStore) async throws {
        for _ in 0..<50 {
            let started = ContinuousClock.now
            await store.waitForJobs(timeout: .milliseconds(300))
            if ContinuousClock.now - started >= .milliseconds(300) { return }
        }
        Issue.record("the store kept waking its workers with nothing queued")
    }
}
