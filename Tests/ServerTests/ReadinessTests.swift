import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PlatformSupport
import Server
import Store
import TestSupport
import Testing

/// `/readyz` tells a load balancer to stop sending requests to a server whose database does not answer.
@Suite(.enabled(if: StoreAdapter.postgresURL != nil, "needs ARBITER_TEST_POSTGRES_URL"))
struct ReadinessTests {
    @Test func readinessFailsOnceTheDatabaseIsUnreachable() async throws {
        let store = try StoreAdapter.postgres.open()
        let server = try ArbiterServer(store: store, leaderboardAssets: RepositoryFiles.url("Leaderboard"),
                                       logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let responder = try await server.router().buildResponder()
        func readiness() async throws -> TestServer.Reply {
            let head = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/readyz")
            return try await TestServer.reply(to: Request(head: head, body: RequestBody(buffer: ByteBuffer())), from: responder)
        }
        #expect(try await readiness().status == 200)
        try #require(store as? PostgresStore).close()
        let refused = try await readiness()
        #expect(refused.status == 503)
        #expect(refused.error["code"] as? String == "not-ready")
    }
}
