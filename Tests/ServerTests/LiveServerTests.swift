import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Server
import Store
import Testing

/// The same server on a real loopback socket, as `arbiter serve` runs it: HTTP/1.1 parsing, streamed bodies and
/// the process's own judge.
@Suite struct LiveServerTests {
    @Test func uploadOverASocketIsAcknowledgedThenScoredByTheInProcessJudge() async throws {
        let port = Int.random(in: 20_000..<40_000)
        let setup = try await TestServer(configuration: .init(port: port, requestsPerSecond: 1000, requestBurst: 1000, runsJudge: true))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await setup.server.run() }
            defer { group.cancelAll() }
            let base = URL(string: "http://127.0.0.1:\(port)")!
            try await Self.waitUntilHealthy(base)
            var request = URLRequest(url: base.appendingPathComponent("api/v1/challenges/tiny/phases/final/submissions"))
            request.httpMethod = "POST"
            request.setValue("Bearer \(setup.alpha)", forHTTPHeaderField: "Authorization")
            let (data, response) = try await URLSession.shared.upload(for: request, from: Data(TestServer.predictions([0, 1, 2, 0, 1, 2])))
            #expect((response as? HTTPURLResponse)?.statusCode == 202)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let id = try #require(object["id"] as? Int)
            var status = ""
            for _ in 0..<100 where status != "scored" {
                try await Task.sleep(for: .milliseconds(100))
                status = try setup.store.submission(Int64(id)).status.rawValue
            }
            #expect(status == "scored")
        }
    }

    static func waitUntilHealthy(_ base: URL) async throws {
        for _ in 0..<100 {
            if let (_, response) = try? await URLSession.shared.data(from: base.appendingPathComponent("healthz")),
               (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the server never answered /healthz")
    }
}
