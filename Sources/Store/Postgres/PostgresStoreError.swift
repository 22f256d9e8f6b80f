import PostgresNIO

/// A statement the PostgreSQL server refused, with the server's message, its SQLSTATE and the SQL that failed
/// (never the arguments: they can hold token digests).
public struct PostgresStoreError: DatabaseServerError, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The SQLSTATE code, such as `23505` for a unique violation; empty when the failure was not the server's answer.
    public let sqlState: String
    public let sql: String

    public var description: String {
        sql.isEmpty ? "PostgreSQL: \(message)" : "PostgreSQL refused \"\(sql)\": \(message) (SQLSTATE \(sqlState))"
    }

    init(message: String, sqlState: String, sql: String) {
        self.message = message
        self.sqlState = sqlState
        self.sql = sql
    }

    /// Another process changed what this transaction read before it could write; the transaction is run again.
    static func raced(_ what: String) -> PostgresStoreError {
        PostgresStoreError(message: what, sqlState: "40001", sql: "")
    }

    /// The server's words from a PostgresNIO error; PSQLError's own description hides them on purpose. A connection
    /// lost without the server's words gets SQLSTATE 08006 (connection failure).
    init(_ error: PSQLError) {
        message = error.serverInfo?[.message] ?? "\(error.code)" + (error.underlying.map { " (\($0))" } ?? "")
        let lost: [PSQLError.Code] = [.clientClosedConnection, .serverClosedConnection, .connectionError, .uncleanShutdown]
        sqlState = error.serverInfo?[.sqlState] ?? (lost.contains(error.code) ? "08006" : "")
        sql = error.query?.sql ?? ""
    }

    /// Whether the database could not be reached or dropped the connection (a restart, a failover, a network cut):
    /// the same request may well succeed a moment later.
    public var isUnavailable: Bool {
        sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// Whether running the whole transaction again may succeed (a deadlock or a serialization failure).
    var isRetryable: Bool { sqlState == "40P01" || sqlState == "40001" }
}
