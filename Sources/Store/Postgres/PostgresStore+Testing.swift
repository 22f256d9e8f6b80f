import PostgresNIO

extension PostgresStore {
    /// Tries to rewrite history, which the schema's triggers must refuse; for the tests that prove it.
    public func tamperWithAuditLogForTesting() throws {
        try write { connection in try await connection.execute("UPDATE audit_log SET actor = 'someone else'", logger: self.logger) }
    }

    /// Tries to change (or, with `delete`, remove) stored reads behind the protocol's back, which the schema must refuse.
    public func tamperWithStudyReadsForTesting(delete: Bool) throws {
        try write { connection in
            try await connection.execute(
                delete ? "DELETE FROM study_reads" : "UPDATE study_reads SET label = 'someone else''s'", logger: self.logger)
        }
    }
}
