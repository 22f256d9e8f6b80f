import Foundation
import PlatformSupport
import Store
import Testing

/// The audit log only grows: entries come back in order, and a backend refuses to rewrite them.
@Suite("Store conformance: audit log")
struct AuditConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func entriesComeBackOldestFirstForTheirChallenge(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        let before = try platform.store.auditLog(challenge: "small").count
        try platform.store.audit(AuditEntry(at: platform.at(10), actor: "organiser", action: "test.first", challenge: "small"))
        try platform.store.audit(AuditEntry(at: platform.at(20), actor: "organiser", action: "test.second", challenge: "small"))
        try platform.store.audit(AuditEntry(at: platform.at(30), actor: "organiser", action: "test.elsewhere", challenge: "other"))
        let log = try platform.store.auditLog(challenge: "small")
        #expect(log.count == before + 2)
        #expect(log.suffix(2).map(\.action) == ["test.first", "test.second"])
        #expect(try platform.store.auditLog().count == before + 3)
    }

    @Test(arguments: StoreAdapter.all)
    func rewritingTheAuditLogIsRefusedAndChangesNothing(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter)
        try platform.store.audit(AuditEntry(at: platform.at(10), actor: "organiser", action: "test.entry", challenge: "small"))
        let before = try platform.store.auditLog()
        #expect(throws: (any Error).self) { try adapter.tamperWithAuditLog(platform.store) }
        #expect(try platform.store.auditLog() == before)
    }
}
