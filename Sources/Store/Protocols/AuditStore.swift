/// The append-only audit log: every adapter must refuse to change or delete an entry once written.
public protocol AuditStore: Sendable {
    func audit(_ entry: AuditEntry) throws
    func auditLog(challenge: String?) throws -> [AuditEntry]
}

extension AuditStore {
    public func auditLog() throws -> [AuditEntry] {
        try auditLog(challenge: nil)
    }
}
