import PostgresNIO

extension PostgresStore {
    /// Tries to rewrite history, which the schema's triggers must refuse; for the tests that prove it.
    public func tamperWithAuditLogForTesting() throws {
        try write { connection in try await connection.execute("UPDATE audit_log SET actor = 'someone else'", logger: self.logger) }
    }
}
