import HTTPTypes
import Testing
@testable import Server

/// A server's upload and password threads start with their first piece of work: a process may hold hundreds of
/// servers (the test suite does), and one that never takes an upload or checks a password holds none of them.
@Suite struct OnDemandThreadPoolTests {
    @Test func noThreadStartsBeforeTheFirstPieceOfWork() async throws {
        let pool = OnDemandThreadPool(threads: 2)
        #expect(!pool.hasStarted)
        #expect(try await pool.run { 6 * 7 } == 42)
        #expect(pool.hasStarted)
    }

    @Test func aServerThatOnlyAnswersPagesStartsNoUploadOrPasswordThreads() async throws {
        let server = try await TestServer()
        #expect(try await server.send(.get, "/api/v1/challenges/tiny").status == 200)
        #expect(!server.server.handlers.uploadWork.pool.hasStarted)
        #expect(!server.server.pages.accounts.passwords.pool.hasStarted)
    }

    @Test func anUploadStartsTheUploadThreadsOnly() async throws {
        let server = try await TestServer()
        #expect(try await server.submit(server.alpha, [0, 1, 2]).status == 202)
        #expect(server.server.handlers.uploadWork.pool.hasStarted)
        #expect(!server.server.pages.accounts.passwords.pool.hasStarted)
    }
}
