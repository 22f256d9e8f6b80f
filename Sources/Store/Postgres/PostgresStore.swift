import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The shared store for many machines: PostgreSQL through one PostgresNIO connection pool, plus the blob folder
/// (on shared storage when several machines use it). The methods are synchronous, like the protocols: each runs its
/// queries on the client's event loops and blocks the caller until they finish (`EventLoopBridge` says why that is
/// safe). Every write is one transaction (a claim is a single statement); limits and completion are serialised by
/// advisory and row locks, claims skip each other's locked rows, so any number of processes may share the database.
/// The pool runs (`client.run()`) in a task on the event loops for the store's lifetime; `close()` or the store's
/// end stops it, closing its connections.
public final class PostgresStore: ArbiterStore {
    public let blobs: any BlobStore
    /// The database URL without its password.
    public let location: String
    /// The schema the tables live in.
    public let schema: String
    /// The connection pool (replaced when it stops giving connections; see `PostgresPool`).
    let pool: PostgresPool
    let bridge: EventLoopBridge
    let logger: Logger
    /// Wakes this process's idle workers on a NOTIFY on `jobChannel` (see `PostgresJobListener`).
    let jobSignal = JobSignal()
    let specs = ChallengeSpecCache()
    /// Started by the first worker that waits for jobs: servers that never wait hold no listening connection.
    private let listener = Mutex<Task<Void, Never>?>(nil)
    private let connectionConfiguration: PostgresConnection.Configuration

    /// Connects to the database a `postgres://` URL names, creates the schema if needed and migrates it; blobs are
    /// kept in `blobDirectory`.
    public init(url: String, blobDirectory: URL) throws {
        let parsed = try PostgresURL(url)
        location = parsed.redacted
        schema = parsed.schema
        connectionConfiguration = parsed.connectionConfiguration
        blobs = DirectoryBlobStore(root: blobDirectory)
        var logger = Logger(label: "arbiter.store.postgres")
        logger.logLevel = .warning
        self.logger = logger
        let group = PostgresClient.defaultEventLoopGroup
        bridge = EventLoopBridge(group: group)
        let pool = PostgresPool(bridge: bridge, logger: logger) { [configuration = parsed.configuration, logger] in
            PostgresClient(configuration: configuration, eventLoopGroup: group, backgroundLogger: logger)
        }
        self.pool = pool
        do {
            // The migration runs on a connection of its own: a server that cannot be reached fails here at once, with
            // the network's reason, where the pool would keep retrying behind its circuit breaker. A server that stops
            // answering mid-way (restarting) fails it after 30 s instead of never.
            try bridge.run(abandoningAfter: .seconds(30)) { [schema, logger] in
                let connection = try await PostgresConnection.connect(
                    on: group.any(), configuration: parsed.connectionConfiguration, id: 0, logger: logger)
                do {
                    try await PostgresMigrations.migrate(schema: schema, on: connection, logger: logger)
                } catch {
                    try? await connection.close()
                    throw error
                }
                try await connection.close()
            }
        } catch {
            _ = pool.close()
            // Say which database could not be opened (without its password), with the server's or the network's words.
            switch Self.translate(error, location: location) {
            case let failure as PostgresStoreError: throw StoreError.unsupportedDatabase(url: location, reason: failure.description)
            case let other: throw other
            }
        }
    }

    deinit {
        _ = pool.close()
        listener.withLock { $0?.cancel() }
    }

    /// Closes the pool's connections; the store cannot be used afterwards. Waits at most ten seconds for the pool to
    /// wind down: PostgresNIO's pool waits for every leased connection to come back, and a lease that a stalled
    /// request never returns (see `PostgresPool`) would otherwise hold the caller, and with it a thread, for good.
    public func close() {
        listener.withLock { $0?.cancel() }
        let running = pool.close()
        _ = try? bridge.run(abandoningAfter: .seconds(10)) { await running.value }
    }

    /// The server's version string.
    public func engineVersion() throws -> String {
        try read { connection in
            try await connection.row("SELECT version() AS v", logger: self.logger)?.get("v", as: String.self) ?? "PostgreSQL"
        }
    }

    /// The channel that announces new jobs in this schema: several deployments may share one database.
    var jobChannel: String { "arbiter_jobs_\(schema)" }

    /// Announces new jobs to every process's listener once the calling transaction commits (PostgreSQL delivers
    /// NOTIFY at commit, and folds repeats within one transaction).
    func announceJobs(on connection: PostgresConnection) async throws {
        try await connection.execute("SELECT pg_notify(\(jobChannel), '')", logger: logger)
    }

    @discardableResult
    public func waitForJobs(timeout: Duration) async -> Bool {
        listener.withLock { task in
            guard task == nil else { return }
            let listener = PostgresJobListener(channel: jobChannel, configuration: connectionConfiguration,
                                               group: PostgresClient.defaultEventLoopGroup, signal: jobSignal, logger: logger)
            task = bridge.detached { await listener.run() }
        }
        return await jobSignal.wait(timeout: timeout)
    }

    /// Whether the database answers within two seconds, for readiness probes.
    public func isReachable() -> Bool {
        // Abandoned rather than awaited after its time: a pool that stopped giving connections ignores cancellation,
        // and the probe must answer (and give its thread back) whatever state the pool is in.
        let answer = try? bridge.run(abandoningAfter: .seconds(2)) {
            try await self.pool.client.withConnection { connection in
                try await connection.row("SELECT 1 AS one", logger: self.logger)?.get("one", as: Int.self)
            }
        }
        return answer == 1
    }

    /// Runs `body` on a pooled connection, outside any transaction.
    func read<Value: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Value) throws -> Value {
        do {
            return try bridge.run {
                try await self.pool.run { client, started in
                    try await client.withConnection { connection in
                        try started(connection)
                        return try await body(connection)
                    }
                }
            }
        } catch {
            throw Self.translate(error, location: location)
        }
    }

    /// Runs a single writing statement outside an explicit transaction: one statement is atomic on its own, and this
    /// saves the BEGIN and COMMIT round trips. A statement the server aborted for a deadlock is run again.
    func autocommit<Value: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Value) throws -> Value {
        var attempt = 1
        while true {
            do {
                return try read(body)
            } catch let failure as PostgresStoreError where failure.isRetryable && attempt < 3 {
                attempt += 1
            }
        }
    }

    /// Runs `body` in one transaction (READ COMMITTED), committed when it returns and rolled back when it throws;
    /// a transaction the server aborted for a deadlock is run again, up to three times.
    func write<Value: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Value) throws -> Value {
        var attempt = 1
        while true {
            do {
                return try bridge.run {
                    try await self.pool.run { client, started in
                        try await client.withTransaction(logger: self.logger) { connection in
                            try started(connection)
                            return try await body(connection)
                        }
                    }
                }
            } catch {
                let translated = Self.translate(error, location: location)
                if let failure = translated as? PostgresStoreError, failure.isRetryable, attempt < 3 {
                    attempt += 1
                    continue
                }
                throw translated
            }
        }
    }

    /// Errors as the rest of the platform reads them: the store's own errors untouched, the server's with its words.
    static func translate(_ error: any Error, location: String) -> any Error {
        if let error = error as? PSQLError { return PostgresStoreError(error) }
        if let error = error as? PostgresTransactionError {
            if let closure = error.closureError { return translate(closure, location: location) }
            if let begin = error.beginError { return translate(begin, location: location) }
            if let commit = error.commitError { return translate(commit, location: location) }
        }
        return error
    }

    /// Appends to the audit log inside the caller's transaction.
    func append(_ entry: AuditEntry, on connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            INSERT INTO audit_log (at, actor, action, challenge, subject, file_sha256, detail)
            VALUES (\(entry.at.timeIntervalSince1970), \(entry.actor), \(entry.action), \(entry.challenge), \(entry.subject),
                    \(entry.fileSHA256), \(entry.detail))
            """, logger: logger)
    }

    /// Appends one entry in its own transaction.
    public func audit(_ entry: AuditEntry) throws {
        try write { connection in try await self.append(entry, on: connection) }
    }

    /// The audit log, oldest first: all of it, or one challenge's.
    public func auditLog(challenge: String?) throws -> [AuditEntry] {
        try read { connection in
            try await connection.rows(
                "SELECT * FROM audit_log WHERE \(challenge)::text IS NULL OR challenge = \(challenge) ORDER BY id", logger: self.logger
            ).map { row in
                AuditEntry(
                    at: Date(timeIntervalSince1970: try row.get("at")), actor: try row.get("actor"), action: try row.get("action"),
                    challenge: try row.get("challenge"), subject: try row.get("subject"), fileSHA256: try row.get("file_sha256"),
                    detail: try row.get("detail"))
            }
        }
    }
}
