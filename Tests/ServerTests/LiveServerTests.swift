import Foundation
import Server
import Store
import Testing

/// The same server on a real loopback socket, as `arbiter serve` runs it: HTTP/1.1 parsing, streamed bodies and
/// the process's own judge.
@Suite struct LiveServerTests {
    @Test func uploadOverASocketIsAcknowledgedThenScoredByTheInProcessJudge() async throws {
        let port = Int.random(in: 20_000..<32_000)
        let setup = try await TestServer(configuration: .init(port: port, requestsPerSecond: 1000, requestBurst: 1000, runsJudge: true))
        let stop = ServerStop()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await setup.server.run(stop: stop) }
            // A graceful stop: cancelling the server's task would drop accepted connections, which NIO refuses.
            defer { stop.trigger() }
            try await Self.waitUntilHealthy(port: port)
            // One write on a raw socket rather than URLSession: under a loaded test run, FoundationNetworking's queue
            // could hold the body back past the server's body timeout (answered 408), which is the server being right.
            let body = String(decoding: TestServer.predictions([0, 1, 2, 0, 1, 2]), as: UTF8.self)
            let upload = try await RawConnection.exchange(port: port, """
                POST /api/v1/challenges/tiny/phases/final/submissions HTTP/1.1\r\nHost: x\r\n\
                Authorization: Bearer \(setup.alpha)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)
                """)
            #expect(upload.status == 202, "\(upload.body.prefix(200))")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(upload.body.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? Int)
            var status = ""
            // Up to two minutes: on a loaded two-core machine the judge's task may wait long for a thread.
            let deadline = ContinuousClock.now + .seconds(120)
            while status != "scored", ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                status = try setup.store.submission(Int64(id)).status.rawValue
            }
            #expect(status == "scored")
            let text = try await RawConnection.exchange(port: port, "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").body
            #expect(text.contains(#"arbiter_job_claimed_total{kind="score"} 1"#))
            #expect(text.contains(#"arbiter_jobs{kind="score",state="done"} 1"#))
            #expect(text.contains(#"arbiter_job_claim_duration_seconds_count{kind="score"}"#))
        }
    }

    /// What no HTTP client sends, over a real socket: each is answered with the JSON error naming it, or, when there
    /// is no request to answer, the connection is closed.
    @Test func brokenAndStalledRequestsOverASocketAreAnsweredOrClosed() async throws {
        let port = Int.random(in: 20_000..<32_000)
        let configuration = ServerConfiguration(port: port, requestsPerSecond: 1000, requestBurst: 1000, runsJudge: false,
                                                headerTimeout: .seconds(1), bodyTimeout: .seconds(1))
        let setup = try await TestServer(configuration: configuration)
        let stop = ServerStop()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await setup.server.run(stop: stop) }
            // A graceful stop: cancelling the server's task would drop accepted connections, which NIO refuses.
            defer { stop.trigger() }
            try await Self.waitUntilHealthy(port: port)
            let upload = "POST /api/v1/challenges/tiny/phases/final/submissions?file_name=p.csv HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer \(setup.alpha)\r\n"

            let stalledHead = try RawConnection(port: port)
            try stalledHead.send("GET /healthz HTTP/1.1\r\nHost: x\r\n")
            #expect(try await stalledHead.reply().isEmpty)

            let stalledBody = try RawConnection(port: port)
            try stalledBody.send(upload + "Content-Length: 500\r\n\r\ncase_id,label\n")
            let timedOut = try await stalledBody.reply()
            #expect(timedOut.hasPrefix("HTTP/1.1 408"), "\(timedOut.prefix(200))")
            #expect(timedOut.contains("\"body-timeout\""))

            let badChunk = try RawConnection(port: port)
            try badChunk.send(upload + "Transfer-Encoding: chunked\r\n\r\nZZ\r\ncase_id\r\n")
            let chunkReply = try await badChunk.reply()
            #expect(chunkReply.hasPrefix("HTTP/1.1 400"), "\(chunkReply.prefix(200))")
            #expect(chunkReply.contains("chunk size"))

            let shortBody = try RawConnection(port: port)
            try shortBody.send(upload + "Content-Length: 500\r\n\r\ncase_id,label\n")
            shortBody.finishSending()
            let shortReply = try await shortBody.reply()
            #expect(shortReply.hasPrefix("HTTP/1.1 400"), "\(shortReply.prefix(200))")
            #expect(shortReply.contains("\"malformed-request\""))

            let trace = try RawConnection(port: port)
            try trace.send("TRACE /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let traceReply = try await trace.reply()
            #expect(traceReply.hasPrefix("HTTP/1.1 405"), "\(traceReply.prefix(200))")
            #expect(traceReply.lowercased().contains("allow: get"))
        }
    }

    /// Up to two minutes: a refused connection fails at once, so a count of attempts would be over in seconds on a
    /// machine too loaded to start the server that fast.
    static func waitUntilHealthy(port: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if let reply = try? await RawConnection.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
               reply.status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RawConnection.Failure(description: "the server never answered /healthz within 120 s")
    }
}
