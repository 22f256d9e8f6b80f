import Challenge
import Foundation
import Judge
import PlatformSupport
import PostgresNIO
@testable import Store
import Testing

/// What only the PostgreSQL adapter has to show: several stores on one schema behave like several processes on one
/// database (each store has its own pool, so its own connections), and the schema's triggers refuse every rewrite.
@Suite("PostgreSQL store", .enabled(if: StoreAdapter.postgresURL != nil, "needs ARBITER_TEST_POSTGRES_URL"))
struct PostgresStoreTests {
    let schema = "pgtest_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")

    func open() throws -> PostgresStore {
        let url = try #require(StoreAdapter.postgresURL) + "?schema=" + schema
        let blobs = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
        return try PostgresStore(url: url, blobDirectory: blobs)
    }

    @Test func storesOpeningOneFreshSchemaAtOnceMigrateItOnce() async throws {
        let opened = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<4 { group.addTask { try open() } }
            return try await group.reduce(into: [PostgresStore]()) { $0.append($1) }
        }
        let names = try opened[0].read { connection in
            try await connection.rows("SELECT name FROM schema_migrations ORDER BY name", logger: opened[0].logger)
                .map { try $0.get("name", as: String.self) }
        }
        #expect(names == PostgresMigrations.all.map(\.name).sorted())
        #expect(names == Migrations.names.sorted())
        opened.forEach { $0.close() }
    }

    @Test func caseValuesStoredBeforeTheArrayLayoutComeBackUnchangedAfterIt() async throws {
        let store = try open()
        let platform = try Platform(store: store)
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 2, 2], at: 1))
        #expect(try await Judge(store: store, clock: { platform.at(100) }).drain().scored == 1)
        let before = try Self.caseValues(of: submission, in: store)
        #expect(before.count == 2)
        // Back to v8's long table holding the same values, as a store last opened before v9 left it; then v9 again.
        try store.write { connection in
            for statement in [
                "CREATE TABLE case_results (evaluation_id BIGINT NOT NULL, metric TEXT NOT NULL, case_ref BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL)",
                "INSERT INTO case_results SELECT s.evaluation_id, s.metric, v.case_ref, v.value FROM case_value_sets s, unnest(s.case_refs, s.case_values) AS v(case_ref, value)",
                "DROP TABLE case_value_sets",
                "DELETE FROM schema_migrations WHERE name = 'v10-case-value-arrays'",
            ] {
                try await connection.execute(PostgresQuery(unsafeSQL: statement), logger: store.logger)
            }
        }
        store.close()
        let reopened = try open()
        #expect(try Self.caseValues(of: submission, in: reopened) == before)
        reopened.close()
    }

    /// Each per-case metric's values of a submission, by case id.
    static func caseValues(of submission: StoredSubmission, in store: PostgresStore) throws -> [String: [String: Double]] {
        let challenge = try store.challenge("small")
        var values: [String: [String: Double]] = [:]
        for metric in ["cost-matrix", "accuracy"] {
            values[metric] = try store.caseValues(submissionIDs: [submission.id], metric: metric, splits: [.public, .private],
                                                  challenge: challenge, scorerVersion: challenge.spec.task.kind.scorerVersion)[submission.id]
        }
        return values
    }

    @Test func parallelSubmissionsThroughSeparateStoresRespectTheLimit() async throws {
        let first = try open(), second = try open()
        let platform = try Platform(store: first, limits: "{ per-period: 3, period: 1d }")
        _ = try platform.addTeam("alpha")
        let team = try first.team(try first.challenge("small"), named: "alpha")
        let phase = try platform.phase()
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for attempt in 0..<12 {
                let store = attempt.isMultiple(of: 2) ? first : second
                group.addTask {
                    let file = AcceptedFile(fileName: "p\(attempt).csv", sha256: String(repeating: "a", count: 64), byteCount: 10)
                    return (try? store.acceptSubmission(file, phase: phase, team: team, challenge: "small", now: platform.at(Double(attempt)))) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 3)
        #expect(try second.submissions(phase: phase, team: team).count == 3)
    }

    @Test func submissionThroughOneStoreWakesAWorkerWaitingOnAnother() async throws {
        let server = try open(), judge = try open()
        let platform = try Platform(store: server, limits: "{ total: 100 }")
        let team = try platform.addTeam("alpha")
        try await JobWake.settle(judge)
        async let woken = judge.waitForJobs(timeout: .seconds(120))
        try await Task.sleep(for: .milliseconds(200))
        try platform.submit(team, [0, 1, 2, 0, 1, 2], at: 1)
        #expect(await woken)
    }

    @Test func claimsThroughSeparateStoresNeverShareAJob() async throws {
        let stores = [try open(), try open(), try open()]
        let platform = try Platform(store: stores[0], limits: "{ total: 100 }")
        for index in 0..<20 { try platform.submit(try platform.addTeam("team\(index)"), [0, 1, 2, 0, 1, 2], at: Double(index)) }
        let claimed = await withTaskGroup(of: [Int64].self) { group in
            for worker in 0..<9 {
                group.addTask {
                    (try? stores[worker % 3].claimJobs(worker: "w\(worker)", limit: 3, leaseSeconds: 60, now: platform.at(100)))?.map(\.jobID) ?? []
                }
            }
            return await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claimed.count == 20)
        #expect(Set(claimed).count == 20)
    }

    @Test(arguments: ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                      "UPDATE leaderboard_snapshots SET signature = 'x'", "DELETE FROM leaderboard_snapshots"])
    func appendOnlyTablesRefuseEveryRewrite(_ statement: String) throws {
        let store = try open()
        let platform = try Platform(store: store)
        try store.appendSnapshot(SignedSnapshot(sequence: 1, canonical: "{}", sha256: "s", signature: "g"), challenge: "small",
                                 now: platform.at(10))
        let before = try store.auditLog()
        #expect {
            try store.write { connection in try await connection.execute(PostgresQuery(unsafeSQL: statement), logger: store.logger) }
        } throws: { error in
            "\(error)".contains("append-only")
        }
        #expect(try store.auditLog() == before)
        #expect(try store.snapshots(challenge: "small").count == 1)
    }

    @Test func teamNamesStayUniqueWhenAddedAtOnce() async throws {
        let first = try open(), second = try open()
        _ = try Platform(store: first)
        let added = await withTaskGroup(of: Bool.self) { group in
            for attempt in 0..<6 {
                let store = attempt.isMultiple(of: 2) ? first : second
                group.addTask { (try? store.addTeam(challenge: "small", name: "alpha", now: Platform.opens)) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(added == 1)
        #expect(try second.teams(challenge: try second.challenge("small")).map(\.name) == ["alpha"])
    }

    /// The methods the conformance suite does not reach, once each, through the protocol.
    @Test func everyOtherMethodRoundTrips() throws {
        let store = try open()
        let platform = try Platform(store: store, limits: "{ total: 5 }")
        #expect(try store.registerChallenge(platform.spec, now: platform.at(1)) == false)
        let token = try platform.addTeam("alpha")
        let challenge = try store.challenge("small")
        let team = try #require(try store.authenticate(token: token)?.team)
        #expect(team.name == "alpha")
        let submission = try #require(try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 5))
        #expect(try store.teamsWithSubmissionCounts(challenge: challenge).map(\.submissions) == [1])
        #expect(try store.teamActivity(phase: try platform.phase(), challenge: challenge).map(\.submissionCount) == [1])
        #expect(try store.submissions(challenge: challenge, team: nil).map(\.id) == [submission.id])
        #expect(try store.challengeAndPhase(of: submission).1.spec.slug == "final")
        try store.chooseFinal(submission.id, team: team, challenge: "small", now: platform.at(6))
        #expect(try store.submission(submission.id).chosenAt == platform.at(6))
        let fingerprint = try store.phaseFingerprint(challenge: "small", phase: "final")
        let visibility = try store.visibilityRevision()
        try store.publishPhase(try platform.phase(), challenge: "small", now: platform.at(7))
        try store.setAvailability(.closed, of: try platform.phase(), challenge: "small", now: platform.at(8))
        #expect(try store.phaseFingerprint(challenge: "small", phase: "final") != fingerprint)
        #expect(try store.visibilityRevision() != visibility)
        #expect(try platform.phase().availability == .closed)
        let issued = try store.issueToken(role: .team, team: team, label: "laptop", now: platform.at(9))
        try store.revokeToken(issued.record.id, now: platform.at(10))
        #expect(try store.authenticate(token: issued.token) == nil)
        #expect(try store.teamTokens(challenge: challenge).map(\.label) == [nil, "laptop"])
        #expect(throws: StoreError.unknownToken(999)) { try store.revokeToken(999, now: platform.at(11)) }
        #expect(try store.challengeSlugs() == ["small"])
        #expect(try store.teamName(id: team.id) == "alpha")
    }

    @Test func closedStoreIsNotReachable() throws {
        let store = try open()
        #expect(store.isReachable())
        store.close()
        #expect(!store.isReachable())
    }

    @Test func locationNeverShowsThePassword() throws {
        let store = try open()
        #expect(store.location.contains(":***@"))
        #expect(!store.location.contains(":arbiter@"))
    }

    @Test func connectionWhoseStatementFailedToPrepareIsClosedRatherThanKeptFailing() async throws {
        let url = try #require(StoreAdapter.postgresURL) + "?schema=" + schema
        let logger = Logger(label: "test")
        let connection = try await PostgresConnection.connect(
            on: PostgresClient.defaultEventLoopGroup.any(), configuration: try PostgresURL(url).connectionConfiguration, id: 1, logger: logger)
        await #expect(throws: PSQLError.self) { try await connection.rows(UnpreparableStatement(), logger: logger) }
        #expect(connection.isClosed)
    }
}

/// A statement the server cannot prepare: its table does not exist.
private struct UnpreparableStatement: PostgresPreparedStatement {
    static let sql = "SELECT id FROM no_such_table"

    func makeBindings() throws -> PostgresBindings { PostgresBindings() }
    func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
}
