import Challenge
import PlatformSupport
import Scoring
import Store
import Studies
import Testing

/// Reads become truth: the majority, ties through the adjudicator, nothing from items with too few reads.
@Suite("Study consensus")
struct StudyConsensusTests {
    /// Both readers of `item` give `labels`.
    static func read(_ fixture: StudyFixture, _ item: String, _ labels: [String]) throws {
        for (reader, label) in zip(try fixture.readers(of: item), labels) { try fixture.read(item, by: reader, label: label) }
    }

    @Test func agreeingReadsBecomeTheLabel() throws {
        let fixture = try StudyFixture()
        try Self.read(fixture, "r1", ["2", "2"])
        let consensus = try fixture.study.consensus(now: fixture.platform.at(50))
        #expect(consensus.labels == [.init(itemID: "r1", label: "2", votes: [0, 0, 2], adjudicated: false)])
        #expect(consensus.pending == ["r2", "r3", "r4", "r5", "r6"])
    }

    @Test func anItemWithFewerReadsThanTheRuleIsPending() throws {
        let fixture = try StudyFixture()
        try Self.read(fixture, "r3", ["1"])
        let consensus = try fixture.study.consensus(now: fixture.platform.at(50))
        #expect(consensus.labels.isEmpty)
        #expect(consensus.pending.contains("r3"))
    }

    @Test func aTieGoesToTheAdjudicatorOnceAndTheirLabelSettlesIt() throws {
        let fixture = try StudyFixture()
        try Self.read(fixture, "r2", ["0", "1"])
        let first = try fixture.study.consensus(now: fixture.platform.at(50))
        #expect(first.disputed == ["r2"])
        _ = try fixture.study.consensus(now: fixture.platform.at(51))
        let disputes = try fixture.store.openDisputes(fixture.study.study)
        #expect(disputes.map(\.itemID) == ["r2"])
        #expect(disputes[0].reason == "majority tied between 0, 1")
        try fixture.store.resolveDispute(disputes[0].id, adjudicator: "ada", decision: StudyDecision(label: "1"),
                                         in: fixture.study.study, now: fixture.platform.at(60))
        let settled = try fixture.study.consensus(now: fixture.platform.at(70))
        #expect(settled.labels == [.init(itemID: "r2", label: "1", votes: [1, 1, 0], adjudicated: true)])
        #expect(settled.disputed.isEmpty)
    }

    @Test func labelAgreementUsesTheLatestPlainReads() throws {
        let fixture = try StudyFixture()
        for item in (1...6).map({ "r\($0)" }) { try Self.read(fixture, item, ["1", "1"]) }
        let report = try fixture.study.labelAgreement()
        #expect(report.items == 6)
        #expect(report.reads == 12)
        #expect(report.percentAgreement.value == 1)
    }

    @Test func selfConsistencyComparesAReadersRepeatWithTheirFirstRead() throws {
        let fixture = try StudyFixture(yaml: StudyFixture.yaml(repeats: "hidden-repeats: { share: 0.5, transforms: [rotate90], seed: 3 }"))
        let repeats = try fixture.store.progress(of: "ana", in: fixture.study.study).assignments.filter(\.assignment.isRepeat)
        try #require(repeats.count == 2)
        for (index, assigned) in repeats.enumerated() {
            try fixture.read(assigned.assignment.itemID, by: "ana", label: "1")
            try fixture.read(assigned.assignment.itemID, by: "ana", label: index == 0 ? "1" : "2", repeat: true)
        }
        #expect(try fixture.study.selfConsistency() == [ReaderConsistency(reader: "ana", items: 2, agreeing: 1)])
    }
}
