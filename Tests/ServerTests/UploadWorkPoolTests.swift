import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Store
import Testing
@testable import Server

/// Uploads validate on threads of their own, a few per token: however many a team sends, probes and store
/// routes answer, and a token past its share is told when to come back.
@Suite struct UploadWorkPoolTests {
    /// A gate that blocks an upload thread until opened (the test never waits on it from the cooperative pool).
    final class Gate: @unchecked Sendable {
        // DispatchSemaphore is thread-safe; the class only carries it into the pool's closure.
        private let semaphore = DispatchSemaphore(value: 0)
        func wait() { semaphore.wait() }
        func open() { semaphore.signal() }
    }

    /// Occupies every upload thread until `gate` opens; returns once the work is running.
    static func fill(_ pool: UploadWorkPool, threads: Int, until gate: Gate) async -> [Task<Void, any Error>] {
        let (started, signal) = AsyncStream<Void>.makeStream()
        let tasks = (0..<threads).map { _ in
            Task { try await pool.run { signal.yield(); gate.wait() } }
        }
        var running = 0
        for await _ in started {
            running += 1
            if running == threads { break }
        }
        return tasks
    }

    @Test func probesAndStoreRoutesAnswerWhileEveryUploadThreadIsBlocked() async throws {
        let server = try await TestServer(configuration: .init(requestsPerSecond: 10_000, requestBurst: 10_000, uploadThreads: 2))
        let gate = Gate()
        let blockers = await Self.fill(server.server.handlers.uploadWork, threads: 2, until: gate)
        // An upload now waits for a thread; everything else goes on.
        let waiting = Task { try await server.submit(server.alpha, [0, 1, 2], query: "file_name=p.csv&dry_run=true") }
        #expect(try await server.send(.get, "/healthz").status == 200)
        #expect(try await server.send(.get, "/readyz").status == 200)
        #expect(try await server.send(.get, "/api/v1/challenges/tiny").status == 200)
        #expect(try await server.send(.get, "/api/v1/challenges/tiny/submissions", token: server.bravo).status == 200)
        gate.open()
        gate.open()
        for blocker in blockers { try await blocker.value }
        #expect(try await waiting.value.status == 200)
    }

    /// A body that says when the server starts reading it, and then gives its bytes when told to.
    struct HeldBody: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let reading: AsyncStream<Void>.Continuation
        let chunks: AsyncStream<ByteBuffer>

        func makeAsyncIterator() -> AsyncStream<ByteBuffer>.Iterator {
            reading.yield()
            return chunks.makeAsyncIterator()
        }
    }

    @Test func tokenPastItsUploadCapIsRefused429WithRetryAfterWhileOtherTokensProceed() async throws {
        let server = try await TestServer(configuration: .init(requestsPerSecond: 10_000, requestBurst: 10_000, uploadsPerToken: 1))
        let (reading, readingSignal) = AsyncStream<Void>.makeStream()
        let (chunks, feed) = AsyncStream<ByteBuffer>.makeStream()
        let head = HTTPRequest(method: .post, scheme: "http", authority: "localhost",
                               path: FramingTests.submissions + "?file_name=p.csv&dry_run=true",
                               headerFields: [.authorization: "Bearer \(server.alpha)"])
        let first = Task {
            try await server.reply(to: Request(head: head, body: RequestBody(asyncSequence: HeldBody(reading: readingSignal, chunks: chunks))))
        }
        for await _ in reading { break }  // alpha's first upload holds its slot while its body arrives
        let refused = try await server.submit(server.alpha, [0, 1, 2], query: "file_name=p.csv&dry_run=true")
        #expect(refused.status == 429)
        #expect(refused.error["code"] as? String == "too-many-uploads")
        #expect(refused.headers[.retryAfter].flatMap(Int.init) ?? 0 >= 1)
        #expect(try await server.submit(server.bravo, [0, 1, 2], query: "file_name=p.csv&dry_run=true").status == 200)
        feed.yield(ByteBuffer(bytes: TestServer.predictions([0, 1, 2])))
        feed.finish()
        #expect(try await first.value.status == 200)
        #expect(try await server.submit(server.alpha, [0, 1, 2], query: "file_name=p.csv&dry_run=true").status == 200)
        #expect(server.server.handlers.uploadWork.inProgress(for: "token:" + AccessToken.digest(server.alpha)) == 0)
    }

    @Test func serverPastItsUploadCapacityAnswers503WithRetryAfter() async throws {
        let server = try await TestServer(configuration: .init(requestsPerSecond: 10_000, requestBurst: 10_000, uploadsInProgress: 1))
        let pool = server.server.handlers.uploadWork
        try pool.admit("token:someone-else")
        let refused = try await server.submit(server.alpha, [0, 1, 2], query: "file_name=p.csv&dry_run=true")
        #expect(refused.status == 503)
        #expect(refused.error["code"] as? String == "busy")
        #expect(refused.headers[.retryAfter] != nil)
        pool.release("token:someone-else")
        #expect(try await server.submit(server.alpha, [0, 1, 2], query: "file_name=p.csv&dry_run=true").status == 200)
    }
}
