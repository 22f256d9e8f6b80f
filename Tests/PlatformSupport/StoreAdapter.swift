import Foundation
import Store

/// A store backend the conformance suite runs against, with the hooks only a backend's own tests may use.
public struct StoreAdapter: Sendable, CustomStringConvertible {
    public let name: String
    /// A fresh, empty store.
    public let open: @Sendable () throws -> any ArbiterStore
    /// Tries to rewrite the audit log behind the protocol's back; the backend must refuse.
    public let tamperWithAuditLog: @Sendable (any ArbiterStore) throws -> Void

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
        })

    /// Every adapter this build has. The PostgreSQL adapter joins here when it exists.
    public static let all: [StoreAdapter] = [.sqlite]
}

struct StoreAdapterMismatch: Error {
    let expected: String
}
