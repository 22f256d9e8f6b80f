import Synchronization

/// Wakes the workers of this process that wait for jobs: the store signals it when it queues jobs itself, and the
/// PostgreSQL store also when another process announces new jobs with NOTIFY. A wake-up is only a hint to claim
/// now; workers still poll, because leases that run out announce nothing.
///
/// A signal with nobody waiting is kept for the next wait, so a job queued while the worker was claiming (after its
/// claim found nothing, before it began to wait) is not left for the next poll. The cost is at most one claim
/// that finds nothing.
public final class JobSignal: Sendable {
    private struct State {
        var signals = 0
        /// Waits begun and not yet resumed, with the signal count when each began.
        var unresolved: [Int: Int] = [:]
        /// The continuations of those waits that have registered one.
        var continuations: [Int: CheckedContinuation<Bool, Never>] = [:]
        /// Waits cancelled before they could register their continuation.
        var abandoned: Set<Int> = []
        var nextWaiter = 0
        var pending = false
    }

    private let state = Mutex(State())

    public init() {}

    /// How many waits have begun and not ended.
    var waiting: Int { state.withLock { $0.unresolved.count } }

    /// Wakes every waiting worker, or the next one to wait.
    public func signal() {
        let woken = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.signals += 1
            if state.unresolved.isEmpty { state.pending = true }
            // Waits that began but have not registered yet see the new count when they do.
            let woken = Array(state.continuations.values)
            for id in state.continuations.keys { state.unresolved.removeValue(forKey: id) }
            state.continuations.removeAll()
            return woken
        }
        for waiter in woken { waiter.resume(returning: true) }
    }

    /// Returns true when signalled, false when `timeout` passed (or the task was cancelled) first.
    public func wait(timeout: Duration) async -> Bool {
        let id = state.withLock { state -> Int? in
            if state.pending {
                state.pending = false
                return nil
            }
            state.nextWaiter += 1
            state.unresolved[state.nextWaiter] = state.signals
            return state.nextWaiter
        }
        guard let id else { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.signalled(waiter: id) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    private func signalled(waiter id: Int) async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let answerNow = state.withLock { state -> Bool? in
                    if state.abandoned.remove(id) != nil {
                        state.unresolved.removeValue(forKey: id)
                        return false
                    }
                    if let began = state.unresolved[id], began != state.signals {
                        state.unresolved.removeValue(forKey: id)
                        return true
                    }
                    state.continuations[id] = continuation
                    return nil
                }
                if let answerNow { continuation.resume(returning: answerNow) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                if let waiter = state.continuations.removeValue(forKey: id) {
                    state.unresolved.removeValue(forKey: id)
                    return waiter
                }
                // Not registered yet: the registration will see this. Already resumed by a signal: nothing to do.
                if state.unresolved[id] != nil { state.abandoned.insert(id) }
                return nil
            }
            waiter?.resume(returning: false)
        }
    }
}
