import Foundation
import TestSupport
import Testing

/// `arbiter judge --database postgres://…` scores in child processes (the default isolation), which must open the
/// parent's store: started without `--database`, they opened the data folder's SQLite database, found none of the
/// claimed submissions and every job failed.
@Suite(.enabled(if: testPostgresURL != nil, "needs ARBITER_TEST_POSTGRES_URL"))
struct JudgeOnPostgresTests {
    @Test func scoringChildrenOpenTheDatabaseTheJudgeWasGiven() async throws {
        let folder = try ScratchFolder()
        let server = try #require(testPostgresURL)
        let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let store = ["--data-dir", folder.file("data"), "--database", server + (server.contains("?") ? "&" : "?") + "schema=" + schema]
        // The demo's phases, open whatever today's date.
        let spec = try RepositoryFiles.text("Challenges/tissuenet-demo/challenge.yaml")
            .replacingOccurrences(of: #"closes: 202\d-\d\d-\d\dT"#, with: "closes: 2100-01-01T", options: .regularExpression)
        try FileManager.default.createDirectory(atPath: folder.file("challenge"), withIntermediateDirectories: true)
        _ = try folder.write(Array(spec.utf8), to: "challenge/challenge.yaml")
        try folder.copyDataFiles(of: "Challenges/tissuenet-demo", to: "challenge")

        try await expectSuccess(["challenge", "add", folder.file("challenge")] + store)
        try await expectSuccess(["truth", "import", "tissuenet-demo", RepositoryFiles.path("Fixtures/tissuenet-demo/truth.csv")] + store)
        let team = try await expectSuccess(["team", "add", "tissuenet-demo", "Alpha"] + store)
        let token = try #require(team.stdout.firstMatch(of: /arb_[A-Za-z0-9_-]+/)).output
        try await expectSuccess(["submit", "tissuenet-demo", "--phase", "final", "--token", String(token),
                                 RepositoryFiles.path("Fixtures/tissuenet-demo/predictions/baseline.csv")] + store)

        let judged = try await expectSuccess(["judge"] + store)
        #expect(judged.stdout.contains("1 scored"), "\(judged.stdout)")
    }

    @discardableResult
    private func expectSuccess(_ arguments: [String]) async throws -> ArbiterRun {
        let run = try await ArbiterBinary.run(arguments)
        #expect(run.status == 0, "arbiter \(arguments.prefix(2).joined(separator: " ")): \(run.stderr)")
        return run
    }
}

/// The test PostgreSQL server (`scripts/postgres-test-server`), when the environment names one.
private let testPostgresURL = ProcessInfo.processInfo.environment["ARBITER_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
