import ChildProcesses
import Foundation
import TestSupport
import Testing

/// A stand-alone judge serves its own `/metrics`: the queue, and its claims with their latency.
@Suite struct JudgeMetricsTests {
    @Test func watchingJudgeServesItsClaimsAndTheQueueAtMetrics() async throws {
        let folder = try ScratchFolder()
        let challenge = RepositoryFiles.url("Challenges/tissuenet-demo").path
        let fixtures = RepositoryFiles.url("Fixtures/tissuenet-demo")
        for step in [["challenge", "add", challenge], ["truth", "import", "tissuenet-demo", fixtures.appendingPathComponent("truth.csv").path]] {
            let run = try await ArbiterBinary.run(step + ["--data-dir", "data"], in: folder.path)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let team = try await ArbiterBinary.run(["team", "add", "tissuenet-demo", "Alpha", "--data-dir", "data"], in: folder.path)
        let token = try #require(team.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("arb_") }.map(String.init))
        let submitted = try await ArbiterBinary.run(
            ["submit", "tissuenet-demo", "--phase", "final", "--token", token,
             fixtures.appendingPathComponent("predictions/baseline.csv").path, "--data-dir", "data"], in: folder.path)
        #expect(submitted.status == 0, "\(submitted.stderr)")

        // Below Linux's ephemeral ports (32768 to 60999), which outgoing connections take.
        let port = Int.random(in: 10_000..<20_000)
        let judge = try ArbiterBinary.start(["judge", "--watch", "--metrics-port", String(port), "--data-dir", "data"], in: folder.path)
        defer { judge.signal(SIGTERM) }
        let text = try await judge.poll(URL(string: "http://127.0.0.1:\(port)/metrics")!) {
            $0.contains(#"arbiter_jobs{kind="score",state="done"} 1"#)
        } ?? ""
        if judge.hasEnded { Issue.record("the judge ended early: \(await judge.result().outputText)") }
        #expect(text.contains(#"arbiter_job_claimed_total{kind="score"} 1"#), "\(text)")
        #expect(text.contains(#"arbiter_job_claim_duration_seconds_count{kind="score"}"#))
        #expect(text.contains(#"arbiter_jobs{kind="score",state="done"} 1"#))
        #expect(text.contains(#"arbiter_jobs{kind="tile",state="queued"} 0"#))
    }
}
