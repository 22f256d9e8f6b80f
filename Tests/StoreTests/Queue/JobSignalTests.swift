@testable import Store
import Testing

@Suite struct JobSignalTests {
    @Test func signalWakesAWaitingWorkerBeforeItsTimeout() async throws {
        let signal = JobSignal()
        let started = ContinuousClock.now
        async let woken = signal.wait(timeout: .seconds(30))
        try await Task.sleep(for: .milliseconds(100))
        signal.signal()
        #expect(await woken)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func signalWithNobodyWaitingIsKeptForTheNextWait() async {
        let signal = JobSignal()
        signal.signal()
        #expect(await signal.wait(timeout: .seconds(30)))
        #expect(await signal.wait(timeout: .milliseconds(50)) == false)
    }

    @Test func waitWithoutASignalEndsAtItsTimeout() async {
        let signal = JobSignal()
        let started = ContinuousClock.now
        #expect(await signal.wait(timeout: .milliseconds(100)) == false)
        #expect(ContinuousClock.now - started >= .milliseconds(100))
    }

    @Test func oneSignalWakesEveryWaiter() async throws {
        let signal = JobSignal()
        let waiters = Task {
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<5 { group.addTask { await signal.wait(timeout: .seconds(30)) } }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
        }
        while signal.waiting < 5 { try await Task.sleep(for: .milliseconds(10)) }
        signal.signal()
        #expect(await waiters.value == 5)
    }

    @Test func cancelledWaitReturnsAtOnceAndLeavesTheSignalForOthers() async throws {
        let signal = JobSignal()
        let started = ContinuousClock.now
        let waiter = Task { await signal.wait(timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        #expect(await waiter.value == false)
        #expect(ContinuousClock.now - started < .seconds(10))
        signal.signal()
        #expect(await signal.wait(timeout: .seconds(30)))
    }
}
