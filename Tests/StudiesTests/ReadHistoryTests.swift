import PlatformSupport
import Store
import Studies
import Testing

/// Reads are append-only: an edit is a new version, every version stays, and only the latest votes.
@Suite("Read history")
struct ReadHistoryTests {
    @Test func fiveEditsKeepSixVersionsAndConsensusUsesTheLatest() throws {
        let fixture = try StudyFixture()
        let readers = try fixture.readers(of: "r1")
        try #require(readers.count == 2)
        try fixture.read("r1", by: readers[1], label: "2", at: 5)
        // The earlier versions alone would tie with the other reader's 2 (or lose to it); only the last agrees.
        let labels = ["0", "1", "0", "1", "0", "2"]
        for (edit, label) in labels.enumerated() {
            try fixture.read("r1", by: readers[0], label: label, comment: "look \(edit)", at: Double(10 + edit))
        }
        let history = try fixture.store.readHistory(item: "r1", reader: readers[0], in: fixture.study.study)
        #expect(history.map(\.version) == [1, 2, 3, 4, 5, 6])
        #expect(history.map(\.label) == labels)
        #expect(history.map(\.createdAt) == (10...15).map { fixture.platform.at(Double($0)) })
        let consensus = try fixture.study.consensus(now: fixture.platform.at(50))
        #expect(consensus.labels == [.init(itemID: "r1", label: "2", votes: [0, 0, 2], adjudicated: false)])
        #expect(consensus.disputed.isEmpty)
    }
}
