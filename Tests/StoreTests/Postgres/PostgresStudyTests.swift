import Foundation
import PlatformSupport
import Store
import Testing

/// Reads saved through several stores on one schema, as several server processes save them: versions are numbered
/// inside each write, so none is lost or numbered twice, and a retried save is stored once.
@Suite("PostgreSQL store: study reads", .enabled(if: StoreAdapter.postgresURL != nil, "needs ARBITER_TEST_POSTGRES_URL"))
struct PostgresStudyTests {
    let schema = "pgtest_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")

    func open() throws -> PostgresStore {
        let url = try #require(StoreAdapter.postgresURL) + "?schema=" + schema
        let blobs = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
        return try PostgresStore(url: url, blobDirectory: blobs)
    }

    @Test func savesThroughSeparateStoresToOneReadAllSurviveAsConsecutiveVersions() async throws {
        let stores = [try open(), try open()]
        let study = try StudyPlatform(store: stores[0])
        let saved = try await withThrowingTaskGroup(of: StudyRead.self) { group in
            for index in 0..<8 {
                group.addTask {
                    try stores[index % 2].appendRead(NewStudyRead(itemID: "t2", reader: "ben", secondsSpent: 4, label: "edit \(index)"),
                                                     to: study.study, now: study.platform.at(10))
                }
            }
            return try await group.reduce(into: [StudyRead]()) { $0.append($1) }
        }
        #expect(saved.map(\.version).sorted() == Array(1...8))
        #expect(try stores[1].readHistory(item: "t2", reader: "ben", in: study.study).map(\.version) == Array(1...8))

    }

    @Test func saveRetriedThroughAnotherStoreAtOnceIsStoredOnce() async throws {
        let stores = [try open(), try open()]
        let study = try StudyPlatform(store: stores[0])
        let saved = try await withThrowingTaskGroup(of: StudyRead.self) { group in
            for index in 0..<8 {
                let read = NewStudyRead(itemID: "t3", reader: "ana", secondsSpent: 4, label: "\(index / 2)", idempotencyKey: "save-\(index / 2)")
                group.addTask { try stores[index % 2].appendRead(read, to: study.study, now: study.platform.at(10)) }
            }
            return try await group.reduce(into: [StudyRead]()) { $0.append($1) }
        }
        let byKey = Dictionary(grouping: saved, by: { $0.idempotencyKey ?? "" })
        #expect(byKey.count == 4)
        #expect(byKey.values.allSatisfy { $0.count == 2 && $0[0] == $0[1] })
        #expect(try stores[1].readHistory(item: "t3", reader: "ana", in: study.study).map(\.version) == Array(1...4))

    }
}
