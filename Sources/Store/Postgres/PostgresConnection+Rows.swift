import PostgresNIO

extension PostgresConnection {
    /// Runs a query and collects its rows, with columns addressable by name.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await self.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
    }

    /// The first row of a query, if any.
    func row(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRandomAccessRow? {
        try await rows(query, logger: logger).first
    }

    /// Runs a statement whose rows, if any, are not needed.
    func execute(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }

    /// Runs a prepared statement (prepared on this connection the first time, by name, then reused) and collects its
    /// decoded rows.
    ///
    /// PostgresNIO (1.33) remembers a failed preparation for the connection's lifetime and fails every later use of
    /// the statement on it with the same error: a preparation cancelled or timed out once would fail that statement
    /// on that connection for good. So after a failure that may have come from the preparation the connection is
    /// closed (the pool drops it; the next call prepares on a fresh one). Failures that only execution raises
    /// (serialization failures and deadlocks, constraint violations) keep it.
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws -> [Statement.Row]
    where Statement.Row: Sendable {
        do {
            var rows: [Statement.Row] = []
            for try await row in try await execute(statement, logger: logger) { rows.append(row) }
            return rows
        } catch let error as PSQLError {
            let sqlState = PostgresStoreError(error).sqlState
            if !(sqlState.hasPrefix("40") || sqlState.hasPrefix("23")) { try? await close() }
            throw error
        }
    }
}

extension PostgresRandomAccessRow {
    /// The named column decoded as `T` (an optional type for a nullable column).
    func get<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try self[column].decode(T.self, context: .default)
    }
}
