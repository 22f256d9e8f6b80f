import GRDB
import GRDBSQLite
import Challenge

extension SQLiteStore {
    /// Writes per-case values through SQLite's C API. A judge batch writes hundreds of thousands of
    /// these rows; binding through `StatementArguments` allocated per row and cost four times as much.
    /// Bindings survive `sqlite3_reset`, so the evaluation id and metric are bound once per run of a metric.
    func insertCaseValues(
        _ values: [SubmissionScores.CaseValue], evaluationID: Int64, caseRefs: [Int64], db: Database
    ) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO case_results (evaluation_id, metric, case_ref, value) VALUES (?, ?, ?, ?)")
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        sqlite3_bind_int64(handle, 1, evaluationID)
        var boundMetric: String?
        for value in values {
            if value.key != boundMetric {
                sqlite3_bind_text(handle, 2, value.key, -1, transient)
                boundMetric = value.key
            }
            sqlite3_bind_int64(handle, 3, caseRefs[value.caseIndex])
            sqlite3_bind_double(handle, 4, value.value)
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
        }
        sqlite3_clear_bindings(handle)
    }
}
