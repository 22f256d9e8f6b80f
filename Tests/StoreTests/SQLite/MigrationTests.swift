import Challenge
import Foundation
import GRDB
import Judge
import PlatformSupport
@testable import Store
import Testing
import TestSupport

/// A database written at any shipped schema version opens with today's code, migrated, with its data intact.
/// `Fixtures/store/arbiter-<version>.sqlite` holds one database per version, written by
/// `ARBITER_WRITE_STORE_FIXTURES=1 swift test --filter MigrationTests`: today's store records a challenge, its truth,
/// a team, a submission and its job; an empty database is migrated up to the version with the shipped migrations; and
/// every row is copied across, column by column where that version has the column.
@Suite("SQLite migrations")
struct MigrationTests {
    static let fixtures = RepositoryFiles.url("Fixtures/store")

    @Test(arguments: Migrations.names)
    func databaseWrittenAtAnEarlierVersionOpensWithItsDataIntact(_ version: String) throws {
        if ProcessInfo.processInfo.environment["ARBITER_WRITE_STORE_FIXTURES"] != nil { try Self.writeFixture(version) }
        let directory = try Self.copyOfFixture(version)
        let store = try SQLiteStore(dataDirectory: directory)
        let challenge = try store.challenge("small")
        #expect(challenge.spec.phases.map(\.slug) == ["final"])
        #expect(try store.teams(challenge: challenge).map(\.name) == ["alpha", "beta"])
        #expect(try store.caseIDs(challenge: challenge, splits: [.public, .private]) == ["A", "B", "C", "D", "E", "F"])
        let submissions = try store.submissions(challenge: challenge, team: nil)
        #expect(submissions.count == 1)
        #expect(try store.auditLog(challenge: "small").map(\.action).contains("submission.accepted"))
        let claimed = try store.claimJobs(worker: "after-upgrade", limit: 5, leaseSeconds: 60, now: Platform.opens.addingTimeInterval(7200))
        #expect(claimed.map(\.submissionID) == submissions.map(\.id))
        #expect(throws: (any Error).self) { try store.tamperWithAuditLogForTesting() }
        if Migrations.names.firstIndex(of: version)! >= Migrations.names.firstIndex(of: "v11-reader-studies")! {
            let study = try store.study(challenge: "small", slug: "tiles")
            #expect(try store.readHistory(item: "t1", reader: "ana", in: study).map(\.label) == ["1", "2"])
            #expect(try store.appendRead(NewStudyRead(itemID: "t1", reader: "ana", secondsSpent: 3, label: "0"), to: study,
                                         now: Platform.opens.addingTimeInterval(7300)).version == 3)
            #expect(throws: (any Error).self) { try store.tamperWithStudyReadsForTesting(delete: false) }
        }
        let check = try DatabaseQueue(path: directory.appendingPathComponent("arbiter.sqlite").path)
        #expect(try check.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func everyShippedVersionHasAFixture() {
        for version in Migrations.names {
            #expect(FileManager.default.fileExists(atPath: Self.fixtures.appendingPathComponent("arbiter-\(version).sqlite").path), "\(version)")
        }
    }

    @Test func emptyDatabaseMigratesToTheLatestVersion() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
        _ = try SQLiteStore(dataDirectory: directory)
        let check = try DatabaseQueue(path: directory.appendingPathComponent("arbiter.sqlite").path)
        let applied = try check.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        #expect(applied == Migrations.names)
    }

    /// A study `tiles` with one item, a reader `ana` and two versions of her read (copied into v11 and later).
    static func writeStudy(_ platform: Platform) throws {
        let store = platform.store
        let study = try store.registerStudy(
            StudyRegistration(challenge: "small", slug: "tiles", specText: "items: [t1]\n",
                              items: [StudyItem(itemID: "t1", kind: "tile", description: #"{"slide":"s1.svs","box":[0,0,512,512]}"#)]),
            now: platform.at(3700))
        let token = try store.issueToken(role: .annotator, team: nil, label: "ana", now: platform.at(3700))
        try store.addStudyReader("ana", role: .reader, tokenID: token.record.id, to: study, now: platform.at(3700))
        try store.assign([StudyAssignment(itemID: "t1", reader: "ana", ordinal: 1)], in: study, now: platform.at(3700))
        for (index, label) in ["1", "2"].enumerated() {
            try store.appendRead(NewStudyRead(itemID: "t1", reader: "ana", secondsSpent: 9, label: label), to: study,
                                 now: platform.at(3710 + Double(index)))
        }
    }

    /// A fresh folder holding a copy of the fixture as `arbiter.sqlite`.
    static func copyOfFixture(_ version: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("arbiter-\(version).sqlite"),
                                         to: directory.appendingPathComponent("arbiter.sqlite"))
        return directory
    }

    /// The small challenge, its truth, a team and one queued submission, in a database at `version`'s schema.
    static func writeFixture(_ version: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-fixture-\(UUID().uuidString)")
        let source = scratch.appendingPathComponent("latest")
        do {
            let platform = try Platform(store: try SQLiteStore(dataDirectory: source))
            _ = try platform.addTeam("alpha")
            try platform.submit(try platform.addTeam("beta"), [0, 1, 2, 0, 1, 2], at: 3600)
            try writeStudy(platform)
        }
        let target = scratch.appendingPathComponent(version)
        _ = try SQLiteStore(dataDirectory: target, schemaUpTo: version)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let database = try DatabaseQueue(path: target.appendingPathComponent("arbiter.sqlite").path, configuration: configuration)
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source.appendingPathComponent("arbiter.sqlite").path])
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            for table in tables {
                let kept = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?, 'main')", arguments: [table]))
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?, 'source')", arguments: [table])
                    .filter(kept.contains).map { "\"\($0)\"" }.joined(separator: ", ")
                // A table a later version dropped (v10 dropped `case_results`) has nothing to copy.
                guard !columns.isEmpty else { continue }
                try db.execute(sql: "INSERT INTO main.\"\(table)\" (\(columns)) SELECT \(columns) FROM source.\"\(table)\"")
            }
            try db.execute(sql: "DETACH DATABASE source")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try database.close()
        let fixture = fixtures.appendingPathComponent("arbiter-\(version).sqlite")
        try? FileManager.default.removeItem(at: fixture)
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: target.appendingPathComponent("arbiter.sqlite"), to: fixture)
        try? FileManager.default.removeItem(at: scratch)
    }
}

@Suite("SQLite migrations: per-case values")
struct CaseValueMigrationTests {
    @Test func caseValuesStoredBeforeTheArrayLayoutComeBackUnchangedAfterIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(dataDirectory: directory)
        let platform = try Platform(store: store)
        let submission = try #require(try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 2, 2], at: 1))
        #expect(try await Judge(store: store, clock: { platform.at(100) }).drain().scored == 1)
        let before = try Self.caseValues(of: submission, in: store)
        #expect(before.count == 2 && before.values.allSatisfy { $0.count == 6 })
        // Back to v9's long table holding the same values, as a store last opened before v10 left it; then v10 again.
        try await store.pool.writeWithoutTransaction { db in
            try db.execute(sql: """
                CREATE TABLE case_results (evaluation_id INTEGER NOT NULL, metric TEXT NOT NULL, case_ref INTEGER NOT NULL, value REAL NOT NULL);
                CREATE INDEX case_results_by_evaluation ON case_results (evaluation_id);
                """)
            for row in try Row.fetchAll(db, sql: "SELECT evaluation_id, metric, case_refs, case_values FROM case_value_sets") {
                let place = ("case_value_sets", "case_refs", "test")
                for (ref, value) in zip(try NumberBlob.int64s(row["case_refs"], place: place), try NumberBlob.doubles(row["case_values"], place: place)) {
                    try db.execute(sql: "INSERT INTO case_results VALUES (?, ?, ?, ?)", arguments: [row["evaluation_id"], row["metric"], ref, value])
                }
            }
            try db.execute(sql: "DROP TABLE case_value_sets; DELETE FROM grdb_migrations WHERE identifier = 'v10-case-value-arrays'")
        }
        try store.pool.close()
        #expect(try Self.caseValues(of: submission, in: try SQLiteStore(dataDirectory: directory)) == before)
    }

    @Test func aCaseWithStoredValuesCannotLeaveTheTruth() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(dataDirectory: directory)
        let platform = try Platform(store: store)
        _ = try platform.submit(try platform.addTeam("alpha"), [0, 1, 2, 0, 2, 2], at: 1)
        #expect(try await Judge(store: store, clock: { platform.at(100) }).drain().scored == 1)
        let fewerCases = GroundTruth(cases: try store.truthCases(challenge: try store.challenge("small"), splits: [.public, .private])
            .map(\.truth).dropLast().map { $0 })
        let refusal = #expect(throws: StoreError.self) {
            try store.importTruth(fewerCases, challenge: "small", fileSHA256: String(repeating: "b", count: 64), now: platform.at(200))
        }
        #expect(refusal.map { "\($0)".contains("has scored results and cannot be removed") } == true)
    }

    /// Each per-case metric's values of a submission, by case id.
    static func caseValues(of submission: StoredSubmission, in store: SQLiteStore) throws -> [String: [String: Double]] {
        let challenge = try store.challenge("small")
        var values: [String: [String: Double]] = [:]
        for metric in ["cost-matrix", "accuracy"] {
            values[metric] = try store.caseValues(submissionIDs: [submission.id], metric: metric, splits: [.public, .private],
                                                  challenge: challenge, scorerVersion: challenge.spec.task.kind.scorerVersion)[submission.id]
        }
        return values
    }
}
