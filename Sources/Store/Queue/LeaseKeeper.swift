import Foundation
import Logging

/// Keeps a worker's leases alive while it works: renews them every third of the lease, so two missed beats in a row
/// (a busy database) still leave the job this worker's.
public struct LeaseKeeper: Sendable {
    public let store: any JobStore
    public let leaseSeconds: Double
    public let clock: @Sendable () -> Date
    public let logger: Logger

    public init(store: any JobStore, leaseSeconds: Double, clock: @escaping @Sendable () -> Date, logger: Logger) {
        self.store = store
        self.leaseSeconds = leaseSeconds
        self.clock = clock
        self.logger = logger
    }

    /// Runs `body` while renewing `leases`; the renewals stop when it returns or throws.
    public func keeping<T: Sendable>(_ leases: [JobLease], _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let (store, leaseSeconds, clock, logger) = (self.store, self.leaseSeconds, self.clock, self.logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(leaseSeconds / 3))
                    // A missed beat only shortens the lease; it must not cancel the work.
                    do { try store.heartbeat(leases, leaseSeconds: leaseSeconds, now: clock()) } catch {
                        logger.warning("could not renew leases", metadata: ["jobs": "\(leases.map(\.jobID))", "error": "\(error)"])
                    }
                }
                return nil
            }
            while let finished = try await group.next() {
                if let result = finished {
                    group.cancelAll()
                    return result
                }
            }
            throw CancellationError()
        }
    }
}
