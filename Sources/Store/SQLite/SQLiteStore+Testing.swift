import GRDB

extension SQLiteStore {
    /// Tries to rewrite history, which the schema's triggers must refuse; for the tests that prove it.
    public func tamperWithAuditLogForTesting() throws {
        try pool.write { db in try db.execute(sql: "UPDATE audit_log SET actor = 'someone else'") }
    }
}
