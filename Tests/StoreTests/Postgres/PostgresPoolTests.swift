import Logging
import PostgresNIO
@testable import Store
import Testing

/// A pool that gives no connection in time is replaced, and its caller gets an error instead of waiting forever
/// (PostgresNIO's pool could stall after a server restart with callers blocked for good). Needs no server: nothing
/// listens on the port, so no connection ever comes.
@Suite struct PostgresPoolTests {
    @Test func callerWaitingPastTheTimeoutGetsAnErrorAndANewPool() async throws {
        let group = PostgresClient.defaultEventLoopGroup
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let pool = PostgresPool(bridge: EventLoopBridge(group: group), logger: logger, acquireTimeout: .milliseconds(300)) {
            PostgresClient(configuration: .init(host: "127.0.0.1", port: 1, username: "nobody", password: nil, database: nil, tls: .disable),
                           eventLoopGroup: group, backgroundLogger: logger)
        }
        defer { _ = pool.close() }
        let first = pool.client
        let clock = ContinuousClock()
        let began = clock.now
        await #expect(throws: (any Error).self) {
            try await pool.run { client, started in
                try await client.withConnection { connection in try started(connection) }
            }
        }
        // Two waits of 0.3 s; the bound only tells an answer from waiting for ever (104 s once, with six busy loops
        // beside the whole suite on two cores).
        #expect(clock.now - began < .seconds(300))
        #expect(pool.client !== first)
    }
}
