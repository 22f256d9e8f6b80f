import GRDB
import Store
import Testing

/// What the server logs of a failed request: SQLite's extended result code, which GRDB's description leaves out and
/// which tells a short read from a failed lock.
@Suite struct StoreDiagnosticsTests {
    @Test func anSQLiteErrorIsLoggedWithItsExtendedCode() {
        let error = DatabaseError(resultCode: .SQLITE_IOERR_SHORT_READ, message: "disk I/O error", sql: "SELECT 1")
        let text = StoreDiagnostics.logText(error)
        #expect(text.hasPrefix("SQLite error 10: disk I/O error"))
        #expect(text.hasSuffix("[extended code 522]"))
    }

    @Test func aPrimaryCodeAndOtherErrorsAreLoggedAsTheyDescribeThemselves() {
        let busy = DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked")
        #expect(StoreDiagnostics.logText(busy) == "\(busy)")
        #expect(StoreDiagnostics.logText(StoreError.unknownChallenge("x")) == "\(StoreError.unknownChallenge("x"))")
    }
}
