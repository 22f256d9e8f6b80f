import Challenge
import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Judge
import Logging
import Mail
import NIOCore
import NIOEmbedded
@testable import Server
import Store
import TestSupport

/// A server on a fresh data directory, called in-process through its router (no sockets): a two-split
/// challenge with truth, teams alpha and bravo, an organiser and an annotator.
struct TestServer {
    static let now = Date(timeIntervalSince1970: 1_767_312_000)  // 2026-01-02T00:00:00Z, inside the phase
    static let cases = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
    /// Four public cases and seven private ones, so sealed scores have digits enough to be recognised in any answer.
    static let truth = "case_id,label,split\nA,0,public\nB,1,public\nC,2,public\nD,0,public\n"
        + "E,1,private\nF,2,private\nG,0,private\nH,1,private\nI,2,private\nJ,0,private\nK,1,private\n"

    /// Request limits out of the way of the tests that are not about them.
    static var defaultConfiguration: ServerConfiguration { ServerConfiguration(requestsPerSecond: 10_000, requestBurst: 10_000) }

    let store: SQLiteStore
    let server: ArbiterServer
    let responder: Router<APIRequestContext>.Responder
    let alpha: String
    let bravo: String
    let organiser: String
    let annotator: String
    /// Every mail the server sent.
    let outbox = MailOutbox()

    init(limits: String = "{ per-period: 3, period: 1d, total: 10, max-file-size: 2KB }",
         configuration: ServerConfiguration = TestServer.defaultConfiguration,
         clock: @escaping @Sendable () -> Date = { TestServer.now }, container: String? = nil, finalEntry: String = "latest") async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-server-test-\(UUID().uuidString)")
        store = try SQLiteStore(dataDirectory: directory)
        let spec = try ChallengeSpecParser.parse(yaml: Self.yaml(limits: limits, container: container, finalEntry: finalEntry), file: "challenge.yaml")
        try store.registerChallenge(spec, now: Self.now)
        let truth = try TruthParser.parse(Array(Self.truth.utf8), file: "truth.csv", task: spec.task)
        try store.importTruth(truth, challenge: "tiny", fileSHA256: ContentDigest.sha256(Array(Self.truth.utf8)), now: Self.now)
        alpha = try store.addTeam(challenge: "tiny", name: "alpha", now: Self.now).token
        bravo = try store.addTeam(challenge: "tiny", name: "bravo", now: Self.now).token
        organiser = try store.issueToken(role: .organiser, now: Self.now).token
        annotator = try store.issueToken(role: .annotator, now: Self.now).token
        server = try ArbiterServer(store: store, configuration: configuration, leaderboardAssets: RepositoryFiles.url("Leaderboard"),
                                   logger: Self.serverLogger, clock: clock, mail: outbox)
        responder = try await server.router().buildResponder()
    }

    /// The servers' own log: only what failed, on standard error, so that a 500's cause (which its answer names only by
    /// request id) is in the test output.
    static var serverLogger: Logger {
        var logger = Logger(label: "test-server", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .error
        return logger
    }

    static func yaml(limits: String, slug: String = "tiny", container: String? = nil, finalEntry: String = "latest") -> String {
        ThreeClassChallenge.yaml(slug: slug, limits: limits, finalEntry: finalEntry, secondary: "[accuracy]", container: container)
    }

    /// A prediction file giving `labels` to the cases in order, and a fixed guess to the cases after them.
    static func predictions(_ labels: [Int]) -> [UInt8] {
        let rows = cases.enumerated().map { index, id in "\(id),\(index < labels.count ? labels[index] : index * 2 % 3)" }
        return Array((["case_id,label"] + rows).joined(separator: "\n").utf8 + [0x0A])
    }

    /// What came back from one request.
    struct Reply {
        let status: Int
        let headers: HTTPFields
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        /// The `error` object of a refusal.
        var error: [String: Any] { object["error"] as? [String: Any] ?? [:] }
    }

    func send(_ method: HTTPRequest.Method, _ path: String, token: String? = nil, body: [UInt8]? = nil,
              headers extra: HTTPFields = [:], omitLength: Bool = false) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let body, !omitLength { headers[.contentLength] = String(body.count) }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path, headerFields: headers),
            body: RequestBody(buffer: ByteBuffer(bytes: body ?? [])))
        return try await reply(to: request)
    }

    /// Answers a request built by the caller (a body that fails part-way, say), as the router would over a socket.
    func reply(to request: Request) async throws -> Reply {
        try await Self.reply(to: request, from: responder)
    }

    /// The answer, through the API's error middleware, to a request whose route throws `error`: how every failure
    /// a route can meet is turned into a status.
    static func reply(toARouteThrowing error: any Error & Sendable,
                      logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) async throws -> Reply {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: APIErrorMiddleware(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
        router.get("/failing") { _, _ -> Response in throw error }
        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/failing"),
                              body: RequestBody(buffer: ByteBuffer()))
        return try await reply(to: request, from: router.buildResponder(), logger: logger)
    }

    /// Calls any server's routes in-process, as `reply(to:)` calls this one's, with `logger` as the request's (by
    /// default one that logs nothing and keeps no metadata, so not even the request id Hummingbird puts in it).
    static func reply(to request: Request, from responder: Router<APIRequestContext>.Responder,
                      logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) async throws -> Reply {
        var logger = logger
        logger[metadataKey: "hb.request.id"] = "test-request"
        let context = APIRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger))
        let response = try await responder.respond(to: request, context: context)
        let sink = CollectedBody()
        try await response.body.write(CollectingWriter(sink: sink))
        return Reply(status: response.status.code, headers: response.headers, body: sink.bytes)
    }

    func submit(_ token: String, _ labels: [Int], query: String = "file_name=p.csv") async throws -> Reply {
        try await send(.post, "/api/v1/challenges/tiny/phases/final/submissions?\(query)", token: token, body: Self.predictions(labels))
    }

    func judge() async throws {
        _ = try await Judge(store: store, clock: { TestServer.now }).drain()
    }
}

/// Where a test's response body lands.
final class CollectedBody: @unchecked Sendable {
    var bytes: [UInt8] = []
}

struct CollectingWriter: ResponseBodyWriter {
    let sink: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        sink.bytes += buffer.readableBytesView
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
