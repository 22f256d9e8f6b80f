import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Server
import Store
import Testing

/// Requests whose framing or file name is broken are the caller's mistake: a 400 with the JSON error naming the
/// problem, never a 500.
@Suite struct FramingTests {
    static let submissions = "/api/v1/challenges/tiny/phases/final/submissions"

    /// A body that yields `prefix` and then fails as NIO's decoder fails on the wire.
    static func failingBody(_ prefix: [UInt8], _ error: HTTPParserError) -> RequestBody {
        let stream = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
            continuation.yield(ByteBuffer(bytes: prefix))
            continuation.finish(throwing: error)
        }
        return RequestBody(asyncSequence: stream)
    }

    static func upload(_ server: TestServer, body: RequestBody, headers: HTTPFields = [:]) async throws -> TestServer.Reply {
        var fields = headers
        fields[.authorization] = "Bearer \(server.alpha)"
        let head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: submissions + "?file_name=p.csv", headerFields: fields)
        return try await server.reply(to: Request(head: head, body: body))
    }

    @Test func badChunkSizeIsABadRequestNamingIt() async throws {
        let server = try await TestServer()
        let reply = try await Self.upload(server, body: Self.failingBody(Array("case_id,la".utf8), .invalidChunkSize),
                                          headers: [.transferEncoding: "chunked"])
        #expect(reply.status == 400)
        #expect(reply.error["code"] as? String == "malformed-request")
        #expect((reply.error["message"] as? String)?.contains("chunk size") == true)
        #expect(reply.headers[.connection] == "close")
    }

    @Test func connectionEndingBeforeTheDeclaredLengthIsABadRequest() async throws {
        let server = try await TestServer()
        let reply = try await Self.upload(server, body: Self.failingBody(Array("case_id,la".utf8), .invalidEOFState),
                                          headers: [.contentLength: "500"])
        #expect(reply.status == 400)
        #expect((reply.error["message"] as? String)?.contains("Content-Length") == true)
    }

    @Test func bodyShorterThanItsContentLengthIsABadRequestWithBothCounts() async throws {
        let server = try await TestServer()
        let file = TestServer.predictions([0, 1, 2])
        let reply = try await server.send(.post, Self.submissions + "?file_name=p.csv", token: server.alpha, body: file,
                                          headers: [.contentLength: String(file.count + 100)], omitLength: true)
        #expect(reply.status == 400)
        #expect(reply.error["code"] as? String == "malformed-request")
        #expect((reply.error["message"] as? String)?.contains("\(file.count) of the \(file.count + 100) bytes") == true)
        #expect(try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).isEmpty)
    }

    @Test(arguments: [".", "..", String(repeating: "a", count: 60) + ".csv", String(repeating: "é", count: 60) + ".csv", "a/b.csv", "", "p\u{0}.csv"])
    func fileNameThatIsNotOnePlainNameIsABadRequest(name: String) async throws {
        let server = try await TestServer()
        let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        let reply = try await server.submit(server.alpha, [0, 1, 2], query: "file_name=\(query)")
        #expect(reply.status == 400, "\(name.prefix(20)): \(reply.status) \(reply.text.prefix(200))")
        #expect(reply.error["code"] as? String == "invalid-file-name")
        #expect(try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).isEmpty)
    }

    @Test func formFileNameIsCheckedLikeAQueryOne() async throws {
        let server = try await TestServer()
        let file = String(decoding: TestServer.predictions([0, 1, 2]), as: UTF8.self)
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"..\"\r\n\r\n" + file + "\r\n--XyZ--\r\n"
        let reply = try await server.send(.post, Self.submissions, token: server.alpha, body: Array(body.utf8),
                                          headers: [.contentType: "multipart/form-data; boundary=XyZ"])
        #expect(reply.status == 400)
        #expect(reply.error["code"] as? String == "invalid-file-name")
    }

    @Test func longestAllowedFileNameIsAccepted() async throws {
        let server = try await TestServer()
        let name = String(repeating: "\u{1F600}", count: 59) + ".csv"
        let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        let reply = try await server.submit(server.alpha, [0, 1, 2], query: "file_name=\(query)")
        #expect(reply.status == 202, "\(reply.status) \(reply.text.prefix(200))")
    }
}
