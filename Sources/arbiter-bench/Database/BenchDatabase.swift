import Foundation
import Store

/// The store a benchmark run gets: with no URL, SQLite in a fresh data directory; with a `postgres://` URL, that
/// database in a fresh schema of its own (so runs never see each other's rows), its blobs in a fresh directory.
/// Every `open()` is a separate store (its own connection pool on PostgreSQL), as a separate process would have.
struct BenchDatabase: Sendable {
    /// The URL the stores open, with the run's schema; nil for SQLite.
    let url: String?
    /// The data directory: SQLite's database, or the blobs and keys beside PostgreSQL.
    let directory: URL

    init(_ database: String?, label: String) {
        let run = "\(label)_\(UUID().uuidString.prefix(8).lowercased())"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-bench-\(run)")
        guard let database, Self.isPostgres(database) else {
            url = database.flatMap { $0.isEmpty ? nil : $0 }
            return
        }
        url = database + (database.contains("?") ? "&" : "?") + "schema=bench_\(run)"
    }

    var isPostgres: Bool { url.map(Self.isPostgres) ?? false }

    /// "PostgreSQL" or "SQLite", for reports.
    var engine: String { isPostgres ? "PostgreSQL" : "SQLite" }

    func open() throws -> any ArbiterStore {
        try StoreFactory.open(database: url, dataDirectory: directory)
    }

    /// Removes the data directory (a PostgreSQL schema stays, for a look afterwards; reset the server to drop it).
    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }

    private static func isPostgres(_ url: String) -> Bool {
        url.lowercased().hasPrefix("postgres://") || url.lowercased().hasPrefix("postgresql://")
    }
}
