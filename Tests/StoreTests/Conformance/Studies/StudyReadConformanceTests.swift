import Foundation
import PlatformSupport
import Store
import Testing

/// Reads are append-only: every save is a new version, numbered by the store, and the database refuses to change one.
@Suite("Store conformance: study reads")
struct StudyReadConformanceTests {
    @Test(arguments: StoreAdapter.all)
    func eachSaveOfAReadIsTheNextVersion(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let saved = try ["1", "2", "2"].enumerated().map { try study.read("t2", by: "ana", label: $1, at: Double($0)) }
        #expect(saved.map(\.version) == [1, 2, 3])
        let history = try study.store.readHistory(item: "t2", reader: "ana", in: study.study)
        #expect(history.map(\.version) == [1, 2, 3])
        #expect(history.map(\.label) == ["1", "2", "2"])
        #expect(history.map(\.createdAt) == [0, 1, 2].map(study.platform.at))
    }

    @Test(arguments: StoreAdapter.all)
    func concurrentSavesOfOneReadAllSurviveAsConsecutiveVersions(_ adapter: StoreAdapter) async throws {
        let study = try StudyPlatform(adapter: adapter)
        let saved = try await withThrowingTaskGroup(of: StudyRead.self) { group in
            for index in 0..<8 { group.addTask { try study.read("t1", by: "ben", label: "edit \(index)") } }
            return try await group.reduce(into: [StudyRead]()) { $0.append($1) }
        }
        #expect(saved.map(\.version).sorted() == Array(1...8))
        let history = try study.store.readHistory(item: "t1", reader: "ben", in: study.study)
        #expect(history.map(\.version) == Array(1...8))
        #expect(Set(history.compactMap(\.label)) == Set((0..<8).map { "edit \($0)" }))
    }

    @Test(arguments: StoreAdapter.all)
    func saveRetriedWithItsIdempotencyKeyReturnsTheStoredVersion(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let first = try study.read("t3", by: "ana", label: "1", key: "save-7f3a")
        let retried = try study.read("t3", by: "ana", label: "1", key: "save-7f3a", at: 20)
        #expect(retried == first)
        #expect(try study.read("t3", by: "ana", label: "2", key: "save-8b21").version == 2)
        #expect(try study.store.readHistory(item: "t3", reader: "ana", in: study.study).count == 2)
    }

    @Test(arguments: StoreAdapter.all, [false, true])
    func changingOrDeletingAStoredReadIsRefusedByTheDatabase(_ adapter: StoreAdapter, delete: Bool) throws {
        let study = try StudyPlatform(adapter: adapter)
        try study.read("t1", by: "ana", label: "1")
        let before = try study.store.latestReads(study.study)
        let refusal = #expect(throws: (any Error).self) { try adapter.tamperWithStudyReads(study.store, delete) }
        #expect(refusal.map { "\($0)".contains("append-only") } == true, "\(String(describing: refusal))")
        #expect(try study.store.latestReads(study.study) == before)
    }

    @Test(arguments: StoreAdapter.all)
    func readerFacingQueryNeverReturnsAnotherReadersReads(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        for item in ["t1", "t2"] {
            try study.read(item, by: "ana", label: "ana's")
            try study.read(item, by: "ben", label: "ben's")
        }
        try study.read("t1", by: "ben", label: "ben's again")
        let ana = try study.store.reads(by: "ana", in: study.study)
        #expect(ana.map(\.itemID) == ["t1", "t2"])
        #expect(ana.allSatisfy { $0.reader == "ana" && $0.label == "ana's" })
        #expect(try study.store.reads(by: "ben", in: study.study, latestOnly: true).map(\.label) == ["ben's again", "ben's"])
    }

    @Test(arguments: StoreAdapter.all)
    func latestReadsTakeTheHighestVersionOfEachReaderAndAssignment(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        for label in ["0", "1", "2"] { try study.read("t1", by: "ana", label: label) }
        try study.read("t1", by: "ana", label: "1", isRepeat: true)
        for label in ["2", "0"] { try study.read("t1", by: "ben", label: label) }
        try study.read("t2", by: "ben", label: "1")
        let latest = try study.store.latestReads(study.study)
        #expect(latest.map { "\($0.itemID) \($0.reader) \($0.isRepeat ? "repeat" : "plain") v\($0.version) \($0.label ?? "-")" } == [
            "t1 ana plain v3 2", "t1 ana repeat v1 1", "t1 ben plain v2 0", "t2 ben plain v1 1",
        ])
    }

    @Test(arguments: StoreAdapter.all)
    func readOfAnItemNotAssignedToTheReaderIsRefused(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        let refusal = #expect(throws: StoreError.self) { try study.read("t2", by: "ben", label: "1", isRepeat: true) }
        #expect(refusal == .notAssigned(study: "small/tiles", item: "t2", reader: "ben", isRepeat: true))
        #expect(throws: StoreError.self) { try study.read("t1", by: "ada", label: "1") }
        #expect(try study.store.latestReads(study.study).isEmpty)
    }

    @Test(arguments: StoreAdapter.all)
    func progressCountsTheReadersAssignmentsWithARead(_ adapter: StoreAdapter) throws {
        let study = try StudyPlatform(adapter: adapter)
        try study.read("t1", by: "ana", label: "1")
        try study.read("t1", by: "ana", label: "2")
        try study.read("t3", by: "ana", label: "0")
        try study.read("t2", by: "ben", label: "0")
        let progress = try study.store.progress(of: "ana", in: study.study)
        #expect(progress.assignments.map(\.assignment.itemID) == ["t1", "t2", "t3", "t1"])
        #expect(progress.assignments.map(\.versions) == [2, 0, 1, 0])
        #expect(progress.assignments.last?.assignment.transform == "rotate90")
        #expect((progress.completed, progress.total) == (2, 4))
        #expect(progress.next?.assignment.itemID == "t2")
    }
}
