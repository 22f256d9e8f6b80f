import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing
@testable import Server

/// The connection timers, driven by an embedded event loop's virtual clock: nothing here waits in real time.
@Suite struct RequestTimeoutTests {
    static func channel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(RequestTimeoutHandler(headerTimeout: .seconds(10), bodyTimeout: .seconds(30)))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return channel
    }

    static let head = HTTPRequestPart.head(HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/upload"))

    static func answer(_ channel: EmbeddedChannel, _ status: HTTPResponse.Status = .ok) throws {
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: status)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
    }

    @Test func connectionWhoseHeadNeverArrivesIsClosedAfterTheHeaderTimeout() throws {
        let channel = try Self.channel()
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive)
    }

    @Test func stalledBodyFailsItsRequestAndTheConnectionClosesAfterTheAnswer() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.head)
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "case_id,")))
        channel.embeddedEventLoop.advanceTime(by: .seconds(29))
        try channel.throwIfErrorCaught()
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(throws: BodyReadTimeout.self) { try channel.throwIfErrorCaught() }
        #expect(channel.isActive, "the 408 is still owed")
        try Self.answer(channel, .requestTimeout)
        #expect(!channel.isActive)
    }

    @Test func bodyArrivingSteadilyIsNeverTimedOutAndTheNextHeadIsAwaitedAfterTheAnswer() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.head)
        for _ in 0..<10 {
            channel.embeddedEventLoop.advanceTime(by: .seconds(20))
            try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "x")))
        }
        try channel.writeInbound(HTTPRequestPart.end(nil))
        // However long the answer takes, the client is not to blame.
        channel.embeddedEventLoop.advanceTime(by: .seconds(120))
        try channel.throwIfErrorCaught()
        #expect(channel.isActive)
        try Self.answer(channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive)
    }

    @Test func bodyStallingAfterAnEarlyRefusalClosesTheConnection() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.head)
        try Self.answer(channel, .tooManyRequests)
        channel.embeddedEventLoop.advanceTime(by: .seconds(31))
        #expect(!channel.isActive)
    }
}
