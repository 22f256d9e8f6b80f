import HTTPTypes
@testable import Server
@testable import Store
import Testing

/// A database restart or failover answers 503 with Retry-After, not 500: nothing was stored and the same request may
/// succeed a moment later (found by scripts/reliability/postgres-cluster, whose PostgreSQL restart gave 500s).
@Suite struct DatabaseUnavailableTests {
    func status(when error: PostgresStoreError) async throws -> (Int, String?) {
        let reply = try await TestServer.reply(toARouteThrowing: error)
        return (reply.status, reply.headers[.retryAfter])
    }

    @Test func connectionTerminatedByARestartIsA503WithRetryAfter() async throws {
        let restart = PostgresStoreError(message: "terminating connection due to administrator command", sqlState: "57P01", sql: "SELECT 1")
        #expect(try await status(when: restart) == (503, "2"))
        let lost = PostgresStoreError(message: "clientClosedConnection", sqlState: "08006", sql: "SELECT 1")
        #expect(try await status(when: lost) == (503, "2"))
    }

    @Test func aStatementTheServerRefusedIsStillA500() async throws {
        let refused = PostgresStoreError(message: "syntax error", sqlState: "42601", sql: "SELEC 1")
        #expect(try await status(when: refused).0 == 500)
    }
}
