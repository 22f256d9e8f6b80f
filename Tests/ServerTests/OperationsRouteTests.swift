import HTTPTypes
import Foundation
import Server
import Testing

/// Probes and metrics for the operators.
@Suite struct OperationsRouteTests {
    @Test func healthAndReadinessAnswerWithoutAToken() async throws {
        let server = try await TestServer()
        #expect(try await server.send(.get, "/healthz").status == 200)
        #expect(try await server.send(.get, "/readyz").status == 200)
    }

    @Test func metricsCountRequestsAndSubmissionsInPrometheusText() async throws {
        let server = try await TestServer()
        _ = try await server.submit(server.alpha, [0])
        _ = try await server.send(.get, "/api/v1/challenges")
        let metrics = try await server.send(.get, "/metrics")
        #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains(#"arbiter_http_requests_total{endpoint="submit",status="202"} 1"#))
        #expect(metrics.text.contains(#"arbiter_submissions_total{outcome="accepted"} 1"#))
        #expect(metrics.text.contains(#"arbiter_jobs{kind="score",state="queued"} 1"#))
        #expect(metrics.text.contains(#"arbiter_jobs{kind="score",state="running"} 0"#))
        #expect(metrics.text.contains(#"arbiter_job_attempts{kind="score"} 0"#))
    }

    @Test func unknownRouteIsAJSONNotFound() async throws {
        let server = try await TestServer()
        let reply = try await server.send(.get, "/api/v1/nothing-here")
        #expect(reply.status == 404)
        #expect(reply.error["code"] as? String == "not-found")
    }

    @Test func malformedAuthorizationHeaderIsRefusedNotIgnored() async throws {
        let server = try await TestServer()
        let reply = try await server.send(.get, "/api/v1/challenges", headers: [.authorization: "Basic YWxhZGRpbjpvcGVuc2VzYW1l"])
        #expect(reply.status == 401)
        #expect(reply.headers[.wwwAuthenticate] == #"Bearer realm="arbiter""#)
    }
}
