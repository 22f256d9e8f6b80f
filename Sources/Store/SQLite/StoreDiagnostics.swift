import GRDB

/// An error as the operator's log should read it. For SQLite, GRDB's description gives only the primary result code
/// ("SQLite error 10: disk I/O error"), and the extended one (a short read, a failed lock, a failed `mmap` of the WAL
/// index) is what tells the causes apart; it is added here.
public enum StoreDiagnostics {
    public static func logText(_ error: any Error) -> String {
        guard let error = error as? DatabaseError, error.extendedResultCode != error.resultCode else { return "\(error)" }
        return "\(error) [extended code \(error.extendedResultCode.rawValue)]"
    }
}
