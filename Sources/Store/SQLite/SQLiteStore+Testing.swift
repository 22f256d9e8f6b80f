import GRDB

extension SQLiteStore {
    /// Tries to rewrite history, which the schema's triggers must refuse; for the tests that prove it.
    public func tamperWithAuditLogForTesting() throws {
        try pool.write { db in try db.execute(sql: "UPDATE audit_log SET actor = 'someone else'") }
    }

    /// Tries to change (or, with `delete`, remove) stored reads behind the protocol's back, which the schema must refuse.
    public func tamperWithStudyReadsForTesting(delete: Bool) throws {
        try pool.write { db in
            try db.execute(sql: delete ? "DELETE FROM study_reads" : "UPDATE study_reads SET label = 'someone else''s'")
        }
    }

    /// Renames a team behind `TeamName`'s back, as a name kept before names were composed would read; for the tests
    /// that prove such names break nothing.
    public func renameTeamAsKeptBeforeNamesWereComposedForTesting(_ name: String, to newName: String) throws {
        try pool.write { db in try db.execute(sql: "UPDATE teams SET name = ? WHERE name = ?", arguments: [newName, name]) }
    }
}
