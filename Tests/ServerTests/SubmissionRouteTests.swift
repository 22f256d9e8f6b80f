import Challenge
import Foundation
import HTTPTypes
import Intake
import Store
import Server
import Testing

/// Uploading over HTTP: the intake's verdicts, limits and durability, in the API's shape.
@Suite struct SubmissionRouteTests {
    @Test func rawUploadIsStoredQueuedAndAnsweredWithItsStatusURL() async throws {
        let server = try await TestServer()
        let reply = try await server.submit(server.alpha, [0, 1, 2, 0, 1, 2])
        #expect(reply.status == 202)
        let id = try #require(reply.object["id"] as? Int)
        #expect(reply.headers[.location] == "/api/v1/submissions/\(id)")
        let stored = try server.store.submission(Int64(id))
        #expect(stored.status == .queued)
        #expect(stored.fileName == "p.csv")
        #expect(try server.store.blobs.read(stored.fileSHA256) == TestServer.predictions([0, 1, 2, 0, 1, 2]))
        #expect(reply.object["sha256"] as? String == stored.fileSHA256)
    }

    @Test func multipartUploadTakesTheFileFieldAndItsName() async throws {
        let server = try await TestServer()
        let file = String(decoding: TestServer.predictions([0, 1, 2, 0, 1, 2]), as: UTF8.self)
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\runs\\\\mine.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + file + "\r\n--XyZ--\r\n"
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions", token: server.alpha,
                                          body: Array(body.utf8), headers: [.contentType: "multipart/form-data; boundary=XyZ"])
        #expect(reply.status == 202)
        let stored = try server.store.submission(Int64(try #require(reply.object["id"] as? Int)))
        #expect(stored.fileName == "mine.csv")
        #expect(try server.store.blobs.read(stored.fileSHA256) == Array(file.utf8))
    }

    @Test func brokenMultipartFormIsRefusedWithTheByteOffset() async throws {
        let server = try await TestServer()
        let body = Array("--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nA,0\r\n".utf8)
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions", token: server.alpha,
                                          body: body, headers: [.contentType: "multipart/form-data; boundary=XyZ"])
        #expect(reply.status == 400)
        #expect(reply.error["code"] as? String == "malformed-form")
        let detail = try #require((reply.error["details"] as? [[String: Any]])?.first)
        #expect(detail["byte_offset"] as? Int == 54)
    }

    @Test func dryRunValidatesWithoutStoringOrCounting() async throws {
        let server = try await TestServer()
        let reply = try await server.submit(server.alpha, [0, 1, 2, 0, 1, 2], query: "file_name=p.csv&dry_run=true")
        #expect(reply.status == 200)
        #expect(reply.object["dry_run"] as? Bool == true)
        #expect(reply.object["id"] == nil || reply.object["id"] is NSNull)
        let challenge = try server.store.challenge("tiny")
        #expect(try server.store.submissions(challenge: challenge, team: nil).isEmpty)
    }

    @Test func invalidFileGetsTheOfflineMessageAndEveryProblemWithItsPlace() async throws {
        let server = try await TestServer()
        let bad = Array("case_id,label\nA,0\nB,7\nZ,1\nA,2\n".utf8)
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions?file_name=bad.csv",
                                          token: server.alpha, body: bad)
        #expect(reply.status == 422)
        #expect(reply.error["code"] as? String == "invalid-file")
        let offline = TestServer.offlineVerdict(store: server.store, token: server.alpha, bytes: bad)
        #expect(reply.error["message"] as? String == offline)
        let details = try #require(reply.error["details"] as? [[String: Any]])
        let unknownLabel = try #require(details.first { $0["code"] as? String == "unknown-label" })
        #expect(unknownLabel["line"] as? Int == 3)
        #expect(unknownLabel["field"] as? String == "label")
        #expect(unknownLabel["case_id"] as? String == "B")
        #expect(details.contains { $0["code"] as? String == "duplicate-case" && $0["line"] as? Int == 5 })
        #expect(details.contains { $0["code"] as? String == "missing-case" && $0["case_id"] as? String == "C" })
        #expect(try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).isEmpty)
    }

    @Test func uploadDeclaringMoreThanThePhaseLimitIsRefused() async throws {
        let server = try await TestServer()
        let big = Array(repeating: UInt8(ascii: "x"), count: 4096)
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions?file_name=big.csv",
                                          token: server.alpha, body: big)
        #expect(reply.status == 413)
        #expect(reply.error["code"] as? String == "file-too-large")
        #expect((reply.error["message"] as? String)?.contains("2048 bytes") == true)
    }

    @Test func uploadWithoutADeclaredLengthIsCutOffAtTheLimit() async throws {
        let server = try await TestServer()
        let big = Array(repeating: UInt8(ascii: "x"), count: 4096)
        let reply = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions?file_name=big.csv",
                                          token: server.alpha, body: big, headers: [.transferEncoding: "chunked"], omitLength: true)
        #expect(reply.status == 413)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: try #require(server.store.blobs as? DirectoryBlobStore).incoming.path)
        #expect(leftovers.isEmpty)
    }

    @Test func spentPeriodLimitIsRefusedWithWhenTheNextSlotOpens() async throws {
        let server = try await TestServer()
        for _ in 0..<3 { #expect(try await server.submit(server.alpha, [0, 1, 2, 0, 1, 2]).status == 202) }
        let refused = try await server.submit(server.alpha, [0, 1, 2, 0, 1, 2])
        #expect(refused.status == 429)
        #expect(refused.error["code"] as? String == "limit-reached")
        #expect(refused.headers[.retryAfter] == "86400")
        #expect((refused.error["message"] as? String)?.contains("2026-01-03T00:00:00Z") == true)
    }

    @Test func parallelUploadsFromOneTeamNeverExceedThePeriodLimit() async throws {
        // Every upload in at once (no per-token cap in the way), so only the period limit refuses.
        let server = try await TestServer(configuration: .init(requestsPerSecond: 10_000, requestBurst: 10_000, uploadsPerToken: 12))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<12 {
                group.addTask { try await server.submit(server.alpha, [0, 1, 2, 0, 1, index % 3]).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 202 }.count == 3)
        #expect(statuses.filter { $0 == 429 }.count == 9)
        #expect(try server.store.submissions(challenge: try server.store.challenge("tiny"), team: nil).count == 3)
    }

    @Test func refusedFileIsNeverCounted() async throws {
        let server = try await TestServer()
        for _ in 0..<5 {
            _ = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/submissions?file_name=bad.csv",
                                      token: server.alpha, body: Array("case_id,label\nA,9\n".utf8))
        }
        for _ in 0..<3 { #expect(try await server.submit(server.alpha, [0, 1, 2, 0, 1, 2]).status == 202) }
    }

    @Test func spentTotalIsAConflictWithoutRetryAfter() async throws {
        let server = try await TestServer(limits: "{ total: 1 }")
        #expect(try await server.submit(server.alpha, [0]).status == 202)
        let refused = try await server.submit(server.alpha, [1])
        #expect(refused.status == 409)
        #expect(refused.error["code"] as? String == "total-limit-reached")
        #expect(refused.headers[.retryAfter] == nil)
    }

    @Test func teamOfAnotherChallengeIsRefusedBeforeItsUploadIsRead() async throws {
        let server = try await TestServer()
        let other = try ChallengeSpecParser.parse(yaml: TestServer.yaml(limits: "{ total: 5 }", slug: "other"), file: "other.yaml")
        try server.store.registerChallenge(other, now: TestServer.now)
        let outsider = try server.store.addTeam(challenge: "other", name: "outsider", now: TestServer.now).token
        let reply = try await server.submit(outsider, [0, 1, 2, 0, 1, 2])
        #expect(reply.status == 403)
        #expect(reply.error["code"] as? String == "wrong-challenge")
        let list = try await server.send(.get, "/api/v1/challenges/tiny/submissions", token: outsider)
        #expect(list.status == 403)
    }

    @Test func finalEntryCannotBeChosenOnceThePhaseHasClosed() async throws {
        let server = try await TestServer()
        let id = try #require(try await server.submit(server.alpha, [0]).object["id"] as? Int)
        #expect(try await server.send(.post, "/api/v1/submissions/\(id)/choose", token: server.alpha).status == 200)
        _ = try await server.send(.post, "/api/v1/challenges/tiny/phases/final/close", token: server.organiser)
        let late = try await server.send(.post, "/api/v1/submissions/\(id)/choose", token: server.alpha)
        #expect(late.status == 409)
        #expect(late.error["code"] as? String == "phase-not-open")
    }

    @Test func closedPhaseRefusesWithItsWindow() async throws {
        let server = try await TestServer(clock: { Date(timeIntervalSince1970: 1_772_400_000) })  // 2026-03-01T21:20Z
        let reply = try await server.submit(server.alpha, [0, 1, 2, 0, 1, 2])
        #expect(reply.status == 409)
        #expect(reply.error["code"] as? String == "phase-not-open")
    }

    @Test func teamSeesItsOwnSubmissionAndNobodyElses() async throws {
        let server = try await TestServer()
        let id = try #require(try await server.submit(server.alpha, [0, 1, 2, 0, 1, 2]).object["id"] as? Int)
        #expect(try await server.send(.get, "/api/v1/submissions/\(id)", token: server.alpha).status == 200)
        let other = try await server.send(.get, "/api/v1/submissions/\(id)", token: server.bravo)
        #expect(other.status == 404)
        #expect(other.text.contains("alpha") == false)
        // Exactly what a submission that does not exist gets.
        #expect(other.error["message"] as? String == "no submission \(id)")
        let list = try await server.send(.get, "/api/v1/challenges/tiny/submissions", token: server.bravo)
        #expect((list.json as? [Any])?.isEmpty == true)
    }

    @Test func scoredSubmissionShowsPublicScoresOnlyUntilPublication() async throws {
        let server = try await TestServer()
        let id = try #require(try await server.submit(server.alpha, [0, 1, 2, 0, 2, 2]).object["id"] as? Int)
        try await server.judge()
        let before = try await server.send(.get, "/api/v1/submissions/\(id)", token: server.alpha)
        #expect(before.object["status"] as? String == "scored")
        let scores = try #require(before.object["scores"] as? [String: Any])
        #expect(Set(scores.keys) == ["public"])
        #expect(try await server.send(.post, "/api/v1/challenges/tiny/phases/final/publish", token: server.organiser).status == 200)
        let after = try await server.send(.get, "/api/v1/submissions/\(id)", token: server.alpha)
        #expect(Set((after.object["scores"] as? [String: Any] ?? [:]).keys) == ["public", "private"])
    }

    @Test func requestsBeyondATokensRateAreRefusedWithRetryAfter() async throws {
        // A rate so slow that however long the test takes, the bucket barely refills: 2 at once, then one per 10,000 s.
        // (At one per 1000 s, the three requests took 163 s on a loaded machine, and the wait read under 900 s.)
        let server = try await TestServer(configuration: .init(requestsPerSecond: 0.0001, requestBurst: 2))
        #expect(try await server.send(.get, "/api/v1/me", token: server.alpha).status == 200)
        #expect(try await server.send(.get, "/api/v1/me", token: server.alpha).status == 200)
        let refused = try await server.send(.get, "/api/v1/me", token: server.alpha)
        #expect(refused.status == 429)
        #expect(refused.error["code"] as? String == "rate-limited")
        let wait = try #require(refused.headers[.retryAfter].flatMap(Int.init))
        #expect(wait > 9000 && wait <= 10_000, "\(wait)")
        // Another token has its own allowance.
        #expect(try await server.send(.get, "/api/v1/me", token: server.bravo).status == 200)
    }
}

extension TestServer {
    /// What `arbiter submit` says offline (the intake called directly, as the CLI calls it) about the same file.
    static func offlineVerdict(store: SQLiteStore, token: String, bytes: [UInt8]) -> String {
        do {
            try SubmissionIntake(store: store).submit(challenge: "tiny", phase: "final", token: token, fileName: "bad.csv",
                                                      bytes: bytes, now: now, dryRun: true)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }
}
