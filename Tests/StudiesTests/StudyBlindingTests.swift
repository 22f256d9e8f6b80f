import Store
import Studies
import Testing

/// Blinding at the Studies level: what the store serves a reader is that reader's own reads, and nothing of others'.
@Suite("Study blinding")
struct StudyBlindingTests {
    /// Every reader reads every item assigned to them, and edits their first one once.
    static func readEverything(_ fixture: StudyFixture) throws {
        for (offset, reader) in ["ana", "ben", "cleo"].enumerated() {
            let items = try fixture.items(of: reader)
            for item in items { try fixture.read(item, by: reader, label: "\(offset)") }
            try fixture.read(items[0], by: reader, label: "\((offset + 1) % 3)", at: 20)
        }
    }

    @Test func aReadersReadsNeverIncludeAnotherReadersRead() throws {
        let fixture = try StudyFixture()
        try Self.readEverything(fixture)
        for reader in ["ana", "ben", "cleo"] {
            let all = try fixture.store.reads(by: reader, in: fixture.study.study)
            let latest = try fixture.store.reads(by: reader, in: fixture.study.study, latestOnly: true)
            #expect(all.allSatisfy { $0.reader == reader }, "\(reader): \(all.map(\.reader))")
            #expect(latest.allSatisfy { $0.reader == reader })
            #expect(all.count == (try fixture.items(of: reader)).count + 1)
            #expect(Set(latest.map(\.itemID)) == Set(try fixture.items(of: reader)))
        }
    }

    @Test func aReadersProgressCountsOnlyTheirOwnReads() throws {
        let fixture = try StudyFixture()
        let before = try fixture.store.progress(of: "ben", in: fixture.study.study)
        for item in try fixture.items(of: "ana") { try fixture.read(item, by: "ana", label: "1") }
        for item in try fixture.items(of: "cleo") { try fixture.read(item, by: "cleo", label: "2") }
        let after = try fixture.store.progress(of: "ben", in: fixture.study.study)
        #expect(after == before)
        #expect(after.completed == 0)
        #expect(after.assignments.allSatisfy { $0.assignment.reader == "ben" && $0.versions == 0 })
        let first = try #require(after.next)
        try fixture.read(first.assignment.itemID, by: "ben", label: "0")
        let own = try fixture.store.progress(of: "ben", in: fixture.study.study)
        #expect(own.completed == 1)
        #expect(own.assignments.map(\.versions).reduce(0, +) == 1)
    }
}
