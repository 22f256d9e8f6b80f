import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
@testable import Server
@testable import Store
import Testing

/// A database restart or failover answers 503 with Retry-After, not 500: nothing was stored and the same request may
/// succeed a moment later (found by scripts/reliability/postgres-cluster, whose PostgreSQL restart gave 500s).
@Suite struct DatabaseUnavailableTests {
    func status(when error: PostgresStoreError) async throws -> (HTTPResponse.Status, String?) {
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: APIErrorMiddleware(logger: logger))
        router.get("/failing") { _, _ -> Response in throw error }
        // A handler that keeps metadata (the no-op one drops it), for the request id a 500 names; silent below critical.
        var requestLogger = Logger(label: "test")
        requestLogger.logLevel = .critical
        requestLogger[metadataKey: "hb.request.id"] = "test-request"
        let context = APIRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: requestLogger))
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/failing"),
                              body: RequestBody(buffer: ByteBuffer()))
        let response = try await router.buildResponder().respond(to: request, context: context)
        return (response.status, response.headers[.retryAfter])
    }

    @Test func connectionTerminatedByARestartIsA503WithRetryAfter() async throws {
        let restart = PostgresStoreError(message: "terminating connection due to administrator command", sqlState: "57P01", sql: "SELECT 1")
        #expect(try await status(when: restart) == (.serviceUnavailable, "2"))
        let lost = PostgresStoreError(message: "clientClosedConnection", sqlState: "08006", sql: "SELECT 1")
        #expect(try await status(when: lost) == (.serviceUnavailable, "2"))
    }

    @Test func aStatementTheServerRefusedIsStillA500() async throws {
        let refused = PostgresStoreError(message: "syntax error", sqlState: "42601", sql: "SELEC 1")
        #expect(try await status(when: refused).0 == .internalServerError)
    }
}
