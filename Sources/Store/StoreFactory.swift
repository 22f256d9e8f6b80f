import Foundation

/// Opens the store a `--database` URL names: the one place outside the adapters that knows them.
///
/// - `sqlite://PATH` (or a bare path): the embedded store in the data directory PATH (database, blobs, keys).
/// - `postgres://user:password@host:port/database` (or `postgresql://`): the shared store; blobs are kept in
///   `dataDirectory/blobs` (shared storage when several machines use it), keys in `dataDirectory`.
/// - no URL: `sqlite://` of the data directory given, so `--data-dir` works as it always has.
public enum StoreFactory {
    public static let defaultDataDirectory = "./arbiter-data"

    public static func open(database: String?, dataDirectory: URL) throws -> any ArbiterStore {
        guard let database, !database.isEmpty else { return try SQLiteStore(dataDirectory: dataDirectory) }
        if isPostgres(database) {
            return try PostgresStore(url: database, blobDirectory: dataDirectory.appendingPathComponent("blobs"))
        }
        return try SQLiteStore(dataDirectory: URL(fileURLWithPath: try sqlitePath(database)))
    }

    /// The folder for what stays on this machine (signing keys): the SQLite store's own folder, else `dataDirectory`.
    public static func localDirectory(database: String?, dataDirectory: URL) -> URL {
        guard let database, !database.isEmpty, let path = try? sqlitePath(database) else { return dataDirectory }
        return URL(fileURLWithPath: path)
    }

    static func isPostgres(_ database: String) -> Bool {
        let scheme = database.prefix { $0 != ":" }.lowercased()
        return database.contains("://") && (scheme == "postgres" || scheme == "postgresql")
    }

    /// The data directory a database URL names; throws for URLs of other engines, and for nonsense.
    static func sqlitePath(_ database: String) throws -> String {
        if database.hasPrefix("sqlite://") { return String(database.dropFirst("sqlite://".count)) }
        if database.hasPrefix("sqlite:") { return String(database.dropFirst("sqlite:".count)) }
        let scheme = database.prefix { $0 != ":" }
        guard database.contains("://") else { return database }
        guard !isPostgres(database) else {
            throw StoreError.unsupportedDatabase(url: redacted(database), reason: "a PostgreSQL database has no data directory")
        }
        throw StoreError.unsupportedDatabase(url: redacted(database), reason: "unknown scheme \"\(scheme)\" (use sqlite://PATH or postgres://…)")
    }

    /// The URL with its password replaced, for messages and logs.
    public static func redacted(_ database: String) -> String {
        guard let schemeEnd = database.range(of: "://"),
              let at = database[schemeEnd.upperBound...].lastIndex(of: "@") else { return database }
        let credentials = database[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return database }
        return String(database[..<colon]) + ":***" + String(database[at...])
    }
}
