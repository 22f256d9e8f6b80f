import Logging
@testable import Server
import Testing

/// A request that fails unexpectedly is answered 500 under an id the operator can find in the log, whatever log
/// handler the server runs with (Hummingbird's own `context.id` trapped under one that keeps no metadata, which took
/// the whole test process down in CI).
@Suite struct RequestIDTests {
    struct Unexpected: Error {}

    static func failingRequest(logger: Logger) async throws -> TestServer.Reply {
        try await TestServer.reply(toARouteThrowing: Unexpected(), logger: logger)
    }

    @Test func aFailureUnderALogHandlerThatKeepsNoMetadataIsA500NamingAFreshID() async throws {
        let reply = try await Self.failingRequest(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        #expect(reply.status == 500)
        let message = reply.error["message"] as? String ?? ""
        #expect(message.hasPrefix("the server failed on request "))
        #expect(!message.contains("test-request"))
    }

    /// The id is put in the request's logger, where Hummingbird puts its own (`TestServer.reply` stands in for it).
    @Test func aFailureNamesTheIDTheRequestCameWith() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let reply = try await Self.failingRequest(logger: logger)
        #expect(reply.status == 500)
        #expect(reply.error["message"] as? String == "the server failed on request test-request; the operators have the details")
    }
}
