import HTTPTypes
import Synchronization

/// Where uploads do their CPU-heavy work (taking a form apart, validating, hashing): threads of their own, so that
/// `/healthz`, `/readyz` and store routes never wait behind them. Admission is bounded twice before a body is read:
/// at most `perToken` uploads of one token, and at most `capacity` in the whole server.
final class UploadWorkPool: Sendable {
    let perToken: Int
    let capacity: Int
    let pool: OnDemandThreadPool
    private let admitted = Mutex<(total: Int, byKey: [String: Int])>((0, [:]))

    init(threads: Int, perToken: Int, capacity: Int) {
        self.perToken = max(1, perToken)
        self.capacity = max(1, capacity)
        pool = OnDemandThreadPool(threads: threads)
    }

    /// Runs `body` holding one of `key`'s upload slots, or refuses at once: 429 when the token already has
    /// `perToken` uploads in progress, 503 when the server has `capacity`.
    func withSlot<Value: Sendable>(for key: String, _ body: () async throws -> Value) async throws -> Value {
        try admit(key)
        defer { release(key) }
        return try await body()
    }

    /// Runs CPU-heavy work on the upload threads.
    func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await pool.run(work)
    }

    /// Uploads in progress for `key` (for tests and metrics).
    func inProgress(for key: String) -> Int {
        admitted.withLock { $0.byKey[key] ?? 0 }
    }

    func admit(_ key: String) throws {
        let refusal: APIError? = admitted.withLock { state in
            if state.byKey[key, default: 0] >= perToken {
                return APIError(.tooManyRequests, code: "too-many-uploads",
                                message: "this token already has \(perToken) uploads in progress; retry when one has been answered",
                                retryAfterSeconds: Self.retryAfterSeconds)
            }
            if state.total >= capacity {
                return APIError(.serviceUnavailable, code: "busy",
                                message: "the server is validating \(capacity) uploads already; retry shortly",
                                retryAfterSeconds: Self.retryAfterSeconds)
            }
            state.total += 1
            state.byKey[key, default: 0] += 1
            return nil
        }
        if let refusal { throw refusal }
    }

    func release(_ key: String) {
        admitted.withLock { state in
            state.total -= 1
            let left = state.byKey[key, default: 1] - 1
            state.byKey[key] = left > 0 ? left : nil
        }
    }

    /// Uploads are answered within seconds; a client that waits this long usually finds a slot.
    static let retryAfterSeconds = 2
}
