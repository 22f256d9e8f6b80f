import HTTPTypes
import Store
import Synchronization

/// Where passwords are hashed and checked: scrypt holds 32 MiB and about 56 ms of a core per check, so it runs on
/// threads of its own, never on the threads that answer `/healthz` and pages, and at most `capacity` checks wait at
/// once; more are refused with 503 rather than queued without end.
final class PasswordWork: Sendable {
    let capacity: Int
    let pool: OnDemandThreadPool
    private let waiting = Mutex(0)

    init(threads: Int, capacity: Int = 256) {
        self.capacity = max(1, capacity)
        pool = OnDemandThreadPool(threads: threads)
    }

    func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try admit()
        defer { release() }
        return try await pool.run(work)
    }

    /// Takes one of the `capacity` places, or refuses at once with 503.
    func admit() throws {
        let admitted = waiting.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw APIError(.serviceUnavailable, code: "busy", message: "the server is checking \(capacity) passwords already; retry in a moment",
                           retryAfterSeconds: 2)
        }
    }

    func release() {
        waiting.withLock { $0 -= 1 }
    }

    /// Whether `password` is the one `stored` was made from; a stored string that does not parse matches nothing.
    func verify(_ password: String, against stored: String) async throws -> Bool {
        try await run {
            guard let hash = try? PasswordHash(text: stored) else { return false }
            return (try? hash.verifies(password)) ?? false
        }
    }

    func hash(_ password: String) async throws -> String {
        try await run { try PasswordHash.make(password).text }
    }

    /// A hash of no one's password, checked when an address has no account so that a refusal takes as long either way.
    static let decoy: String = (try? PasswordHash.make(RandomSecret.formToken()).text) ?? ""
}
