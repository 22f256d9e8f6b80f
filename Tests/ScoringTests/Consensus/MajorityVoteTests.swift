import Scoring
import Testing

extension ConsensusTests {
    @Suite("Majority vote") struct MajorityVoteTests {
        static let categories = ["benign", "low", "high"]

        @Test func aClearMajorityDecidesTheItem() throws {
            let reads = try AgreementReads(categories: Self.categories, rows: [[2, 2, 1], [0, 1, 1]])
            let vote = MajorityVote(reads)
            #expect(vote.decisions == [
                MajorityVote.Decision(item: 0, itemID: "0", label: 2, votes: [0, 1, 2]),
                MajorityVote.Decision(item: 1, itemID: "1", label: 1, votes: [1, 2, 0]),
            ])
            #expect(vote.adjudication.isEmpty)
        }

        @Test func aPluralityWithoutHalfTheReadsStillDecides() throws {
            let reads = try AgreementReads(categories: Self.categories + ["invasive"], rows: [[0, 0, 1, 2, 3]])
            #expect(MajorityVote(reads).decisions.map(\.label) == [0])
        }

        @Test func aTwoWayTieGoesToAdjudicationWithTheTiedLabelsAndVotes() throws {
            let reads = try AgreementReads(categories: Self.categories, reads: [
                ReaderRead(item: "t7", reader: "kim", label: 2), ReaderRead(item: "t7", reader: "ali", label: 0),
                ReaderRead(item: "t7", reader: "eve", label: 2), ReaderRead(item: "t7", reader: "bo", label: 0),
                ReaderRead(item: "t8", reader: "kim", label: 1),
            ])
            let vote = MajorityVote(reads)
            #expect(vote.adjudication == [MajorityVote.Tie(item: 0, itemID: "t7", tiedLabels: [0, 2], votes: [2, 0, 2])])
            #expect(vote.decisions.map(\.itemID) == ["t8"])
        }

        @Test func aSingleReadDecidesTheItem() throws {
            let reads = try AgreementReads(categories: Self.categories, rows: [[nil, 1, nil]])
            #expect(MajorityVote(reads).decisions == [MajorityVote.Decision(item: 0, itemID: "0", label: 1, votes: [0, 1, 0])])
        }

        @Test func anItemNobodyReadGoesToAdjudicationWithoutTiedLabels() throws {
            let reads = try AgreementReads(categories: Self.categories, rows: [[0, 0], [nil, nil]])
            let vote = MajorityVote(reads)
            #expect(vote.adjudication == [MajorityVote.Tie(item: 1, itemID: "1", tiedLabels: [], votes: [0, 0, 0])])
            #expect(vote.decisions.map(\.item) == [0])
        }
    }
}
