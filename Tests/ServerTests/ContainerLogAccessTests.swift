import Foundation
import HTTPTypes
import Server
import Store
import Testing

/// A container run's log can hold whatever the container printed, hidden cases included: in a phase with a private
/// split only organisers read it, and no team answer carries a word of it.
@Suite struct ContainerLogAccessTests {
    static let secretLine = "case K looks malignant (reading /input/K/slide.json)"

    /// A server whose phase runs containers, with alpha's image run to a failure whose log printed a hidden case.
    func serverWithFinishedRun() async throws -> (TestServer, Int64) {
        let server = try await TestServer(container: "{ layout: whole-set, inputs: { slide: value } }")
        let store = server.store
        let team = try #require(try store.authenticate(token: server.alpha)?.team)
        let phase = try store.phase(try store.challenge("tiny"), "final")
        let image = SubmittedImage(imageID: "sha256:" + String(repeating: "cd", count: 32), format: "docker-archive", architecture: "amd64")
        let archive = AcceptedFile(fileName: "alpha-model.tar", sha256: try store.blobs.put(Array("an image".utf8)), byteCount: 8, image: image)
        let submission = try store.acceptSubmission(archive, phase: phase, team: team, challenge: "tiny", now: TestServer.now)
        let run = try #require(try store.claimRuns(worker: "runner", limit: 1, leaseSeconds: 60, now: TestServer.now, maxAttempts: 3).first)
        let log = try store.blobs.put(Array((Self.secretLine + "\nTraceback: model.bin missing\n").utf8))
        let report = ContainerRunReport(verdict: .exitCode, exitCode: 3, durationSeconds: 1.25, peakMemoryBytes: 4 << 20, logSHA256: log)
        try store.finishRun(run, report: report, predictions: nil, now: TestServer.now)
        return (server, submission.id)
    }

    @Test func organiserReadsTheLog() async throws {
        let (server, id) = try await serverWithFinishedRun()
        let reply = try await server.send(.get, "/api/v1/submissions/\(id)/log", token: server.organiser)
        #expect(reply.status == 200)
        #expect(reply.text.contains(Self.secretLine))
        let view = try await server.send(.get, "/api/v1/submissions/\(id)", token: server.organiser)
        let run = try #require(view.object["run"] as? [String: Any])
        #expect(run["log_url"] as? String == "/api/v1/submissions/\(id)/log")
    }

    @Test func teamSeesStatusDurationMemoryAndReasonButNoLog() async throws {
        let (server, id) = try await serverWithFinishedRun()
        let view = try await server.send(.get, "/api/v1/submissions/\(id)", token: server.alpha)
        let run = try #require(view.object["run"] as? [String: Any])
        #expect(view.object["status"] as? String == "failed")
        #expect(view.object["failure"] as? String == "the container exited with status 3")
        #expect(run["verdict"] as? String == "exit-code")
        #expect(run["exit_code"] as? Int == 3)
        #expect(run["duration_seconds"] as? Double == 1.25)
        #expect(run["peak_memory_bytes"] as? Int == 4 << 20)
        #expect(run["log_url"] == nil || run["log_url"] is NSNull)
    }

    @Test func noTeamAnswerCarriesTheLog() async throws {
        let (server, id) = try await serverWithFinishedRun()
        for token in [server.alpha, server.bravo] {
            for path in ["/api/v1/submissions/\(id)", "/api/v1/submissions/\(id)/log", "/api/v1/challenges/tiny/submissions",
                         "/api/v1/challenges/tiny/leaderboard", "/api/v1/me"] {
                let reply = try await server.send(.get, path, token: token)
                #expect(!reply.text.contains("malignant"), "\(path) reveals the log")
                #expect(!reply.text.contains("Traceback"), "\(path) reveals the log")
            }
        }
    }

    @Test func everyRoleOtherThanTheOrganiserIsRefusedTheLogOfAHiddenPhase() async throws {
        let (server, id) = try await serverWithFinishedRun()
        let path = "/api/v1/submissions/\(id)/log"
        #expect(try await server.send(.get, path).status == 401)
        #expect(try await server.send(.get, path, token: "arb_" + String(repeating: "0", count: 64)).status == 401)
        #expect(try await server.send(.get, path, token: server.alpha).status == 403)
        #expect(try await server.send(.get, path, token: server.bravo).status == 404)
        #expect(try await server.send(.get, path, token: server.annotator).status == 403)
    }

    @Test func portalShowsTheLogToOrganisersAndNoWordOfItToTeams() async throws {
        let (server, id) = try await serverWithFinishedRun()
        let organiser = try server.session(server.organiser)
        let listed = try await server.page("/challenges/tiny/submissions", session: organiser)
        #expect(listed.text.contains("/challenges/tiny/submissions/\(id)/log"))
        #expect(try await server.page("/challenges/tiny/submissions/\(id)/log", session: organiser).text.contains(Self.secretLine))
        for token in [server.alpha, server.bravo] {
            let session = try server.session(token)
            for path in ["/challenges/tiny/submissions", "/challenges/tiny/submissions/\(id)/log", "/challenges/tiny/phases/final", "/challenges/tiny/leaderboard/"] {
                let reply = try await server.page(path, session: session)
                #expect(!reply.text.contains("malignant") && !reply.text.contains("Traceback"), "\(path) reveals the log")
            }
        }
    }
}
