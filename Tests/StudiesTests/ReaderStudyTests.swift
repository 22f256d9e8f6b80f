import Challenge
import PlatformSupport
import Store
import Studies
import Testing

/// Saving reads: checked against the questions, versioned, and in an adaptive study a third reader on disagreement.
@Suite("Reader study reads")
struct ReaderStudyTests {
    @Test func aReadWithAClassOutsideTheStudysIsRefusedWithTheClasses() throws {
        let fixture = try StudyFixture()
        let item = try fixture.items(of: "ana")[0]
        #expect(throws: StudyError.invalidRead(item: item, field: "label", reason: "\"7\" is not one of the study's classes (0, 1, 2)")) {
            try fixture.read(item, by: "ana", label: "7")
        }
    }

    @Test func shapesAreRefusedWhereTheStudyAsksForNone() throws {
        let fixture = try StudyFixture()
        let item = try fixture.items(of: "ana")[0]
        let read = NewStudyRead(itemID: item, reader: "ana", secondsSpent: 3, shapes: #"{"type":"FeatureCollection","features":[]}"#)
        #expect(throws: StudyError.invalidRead(item: item, field: "shapes", reason: "this study asks for no shapes")) {
            try fixture.study.save(read, now: fixture.platform.at(1))
        }
    }

    @Test func aNegativeReadingTimeIsRefused() throws {
        let fixture = try StudyFixture()
        let item = try fixture.items(of: "ana")[0]
        #expect(throws: StudyError.self) {
            try fixture.study.save(NewStudyRead(itemID: item, reader: "ana", secondsSpent: -1, label: "1"), now: fixture.platform.at(1))
        }
    }

    @Test func anEditIsANewVersionAndTheLatestCounts() throws {
        let fixture = try StudyFixture()
        let item = try fixture.items(of: "ana")[0]
        #expect(try fixture.read(item, by: "ana", label: "1", at: 10).version == 1)
        #expect(try fixture.read(item, by: "ana", label: "2", comment: "second look", at: 20).version == 2)
        let latest = try fixture.study.latestPlainReads().filter { $0.reader == "ana" }
        #expect(latest.map(\.label) == ["2"])
    }

    @Test func aReaderCannotReadAnItemNotAssignedToThem() throws {
        let fixture = try StudyFixture()
        let notAnas = try #require((1...6).map { "r\($0)" }.first { try !fixture.items(of: "ana").contains($0) })
        #expect(throws: StoreError.self) { try fixture.read(notAnas, by: "ana", label: "1") }
    }

    @Test func inAnAdaptiveStudyDisagreementBringsAThirdReader() throws {
        let fixture = try StudyFixture(yaml: StudyFixture.yaml(assignment: "adaptive", readsPerItem: 3))
        let item = "r1"
        let first = try fixture.readers(of: item)
        #expect(first.count == 2)
        try fixture.read(item, by: first[0], label: "0")
        try fixture.read(item, by: first[1], label: "2")
        let now = try fixture.readers(of: item)
        #expect(now.count == 3)
        #expect(Set(now).isSuperset(of: first))
    }

    @Test func inAnAdaptiveStudyAgreementBringsNoThirdReader() throws {
        let fixture = try StudyFixture(yaml: StudyFixture.yaml(assignment: "adaptive", readsPerItem: 3))
        let first = try fixture.readers(of: "r2")
        try fixture.read("r2", by: first[0], label: "1")
        try fixture.read("r2", by: first[1], label: "1")
        #expect(try fixture.readers(of: "r2").count == 2)
    }
}
