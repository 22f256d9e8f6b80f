import Foundation
import Store

/// A store backend the conformance suite runs against, with the hooks only a backend's own tests may use.
public struct StoreAdapter: Sendable, CustomStringConvertible {
    public let name: String
    /// A fresh, empty store.
    public let open: @Sendable () throws -> any ArbiterStore
    /// Tries to rewrite the audit log behind the protocol's back; the backend must refuse.
    public let tamperWithAuditLog: @Sendable (any ArbiterStore) throws -> Void
    /// Tries to change (or, when told, delete) stored study reads behind the protocol's back; the backend must refuse.
    public let tamperWithStudyReads: @Sendable (any ArbiterStore, _ delete: Bool) throws -> Void

    public var description: String { name }

    public static let sqlite = StoreAdapter(
        name: "sqlite",
        open: {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
            return try StoreFactory.open(database: "sqlite://\(directory.path)", dataDirectory: directory)
        },
        tamperWithAuditLog: { store in
            guard let sqlite = store as? SQLiteStore else { throw StoreAdapterMismatch(expected: "sqlite") }
            try sqlite.tamperWithAuditLogForTesting()
        },
        tamperWithStudyReads: { store, delete in
            guard let sqlite = store as? SQLiteStore else { throw StoreAdapterMismatch(expected: "sqlite") }
            try sqlite.tamperWithStudyReadsForTesting(delete: delete)
        })

    /// The PostgreSQL adapter against the server `ARBITER_TEST_POSTGRES_URL` names (`scripts/postgres-test-server`).
    /// Each store is a fresh schema of that database, so stores are empty, isolated and cheap to make.
    public static let postgres = StoreAdapter(
        name: "postgres",
        open: {
            guard let url = postgresURL else { throw StoreAdapterMismatch(expected: "ARBITER_TEST_POSTGRES_URL") }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
            let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let separator = url.contains("?") ? "&" : "?"
            return try StoreFactory.open(database: url + separator + "schema=" + schema, dataDirectory: directory)
        },
        tamperWithAuditLog: { store in
            guard let postgres = store as? PostgresStore else { throw StoreAdapterMismatch(expected: "postgres") }
            try postgres.tamperWithAuditLogForTesting()
        },
        tamperWithStudyReads: { store, delete in
            guard let postgres = store as? PostgresStore else { throw StoreAdapterMismatch(expected: "postgres") }
            try postgres.tamperWithStudyReadsForTesting(delete: delete)
        })

    /// The test server's URL, when the environment names one.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["ARBITER_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every adapter this build has: PostgreSQL only when `ARBITER_TEST_POSTGRES_URL` names a server to test against.
    public static let all: [StoreAdapter] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
}

struct StoreAdapterMismatch: Error {
    let expected: String
}
