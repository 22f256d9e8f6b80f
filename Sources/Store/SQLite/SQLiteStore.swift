import Foundation
import GRDB

/// The embedded store: SQLite in WAL mode with full fsync, plus the blob folder, both under
/// one data directory. All methods are synchronous and safe to call from any thread: GRDB's
/// pool serialises writers and lets readers run beside them.
public final class SQLiteStore: ArbiterStore {
    public let dataDirectory: URL
    public let blobs: any BlobStore
    let pool: DatabasePool
    /// Wakes this process's idle workers when it queues jobs. Other processes on the same file find them by polling:
    /// SQLite has no way to announce a commit to another process.
    let jobSignal = JobSignal()
    /// Accepted uploads commit together: see `GroupCommitWriter`.
    let uploads: GroupCommitWriter
    let specs = ChallengeSpecCache()

    /// Opens (creating if needed) `dataDirectory/arbiter.sqlite` and migrates it.
    public convenience init(dataDirectory: URL) throws {
        try self.init(dataDirectory: dataDirectory, schemaUpTo: nil)
    }

    /// Opens the store migrated only up to a named migration: how the fixtures of every shipped schema version are
    /// made (`MigrationTests`). Nil migrates to the latest.
    init(dataDirectory: URL, schemaUpTo lastMigration: String?) throws {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        self.dataDirectory = dataDirectory
        self.blobs = DirectoryBlobStore(root: dataDirectory.appendingPathComponent("blobs"))
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // An acknowledged submission must survive a power cut, not just a process crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(30)
        // As many readers as the server's blocking pool has threads (16): with GRDB's default of 5, a page's reads
        // queued on the pool's semaphore, and the futex hand-offs cost more than the queries (the page benchmark).
        configuration.maximumReaderCount = 16
        pool = try DatabasePool(path: dataDirectory.appendingPathComponent("arbiter.sqlite").path,
                                configuration: configuration)
        uploads = GroupCommitWriter(pool: pool)
        if let lastMigration {
            try Migrations.migrator.migrate(pool, upTo: lastMigration)
        } else {
            try Migrations.migrator.migrate(pool)
        }
    }

    public var location: String { "sqlite://\(dataDirectory.path)" }

    /// The SQLite library version in use.
    public func engineVersion() throws -> String {
        "SQLite " + (try pool.read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "unknown" })
    }

    /// Appends to the audit log inside the caller's transaction.
    func append(_ entry: AuditEntry, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO audit_log (at, actor, action, challenge, subject, file_sha256, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(arguments: [entry.at.timeIntervalSince1970, entry.actor, entry.action, entry.challenge,
                              entry.subject, entry.fileSHA256, entry.detail])
    }

    /// Appends one entry in its own transaction.
    public func audit(_ entry: AuditEntry) throws {
        try pool.write { db in try append(entry, in: db) }
    }

    /// The whole audit log, oldest first.
    public func auditLog(challenge: String?) throws -> [AuditEntry] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM audit_log WHERE ?1 IS NULL OR challenge = ?1 ORDER BY id",
                arguments: [challenge])
            return rows.map { row in
                AuditEntry(
                    at: Date(timeIntervalSince1970: row["at"]), actor: row["actor"], action: row["action"],
                    challenge: row["challenge"], subject: row["subject"], fileSHA256: row["file_sha256"],
                    detail: row["detail"])
            }
        }
    }
}
