import Challenge
import Evaluation
import Foundation
import Judge
import PlatformSupport
import Store
import Studies
import Testing

/// Consensus, then truth import, then judging: the same scores as judging against the same truth written by hand.
@Suite("Consensus round trip")
struct ConsensusRoundTripTests {
    /// A study of the small challenge's own cases A–F, each read by two of three readers.
    static let yaml = """
        slug: grading
        title: Grading
        items:
          regions:
        \(["A", "B", "C", "D", "E", "F"].enumerated().map { "    - { id: \($1), slide: s1.svs, box: [\($0 * 512), 0, 512, 512] }" }.joined(separator: "\n"))
        questions:
          label: { classes: challenge }
        readers: [ana, ben, cleo]
        adjudicators: [ada]
        reads-per-item: 2
        assignment: blinded
        truth: { consensus: majority, min-reads: 2 }
        """

    /// The labels the readers settle on, unlike the platform's own truth (0,1,2,0,1,2); D is tied and adjudicated.
    static let settled = ["A": "1", "B": "1", "C": "2", "D": "2", "E": "0", "F": "2"]

    static let handWritten = "case_id,label,split\nA,1,public\nB,1,public\nC,2,public\nD,2,public\nE,0,public\nF,2,public\n"

    static func judge(_ platform: Platform) async throws -> [Split: [String: Double?]] {
        let token = try platform.addTeam("alpha")
        let submission = try #require(try platform.submit(token, [0, 1, 2, 2, 0, 1], at: 1))
        let report = try await Judge(store: platform.store, worker: "test", clock: { platform.at(3600) }).drain()
        #expect(report.scored == 1)
        return try platform.store.aggregates(submissionID: submission.id, splits: [.public, .private])
    }

    static func importTruth(_ csv: String, into platform: Platform) throws {
        let bytes = Array(csv.utf8)
        let truth = try TruthParser.parse(bytes, file: "truth.csv", task: platform.spec.task)
        try platform.store.importTruth(truth, challenge: "small", fileSHA256: ContentDigest.sha256(bytes), now: platform.at(100))
    }

    /// Every item read by its two readers: the settled label, except D, where they tie and ada decides.
    static func consensusCSV(_ fixture: StudyFixture) throws -> String {
        for (item, label) in settled {
            let readers = try fixture.readers(of: item)
            let labels = item == "D" ? ["2", "0"] : [label, label]
            for (reader, given) in zip(readers, labels) { try fixture.read(item, by: reader, label: given) }
        }
        _ = try fixture.study.consensus(now: fixture.platform.at(20))
        let dispute = try #require(try fixture.store.openDisputes(fixture.study.study).first)
        try fixture.store.resolveDispute(dispute.id, adjudicator: "ada", decision: StudyDecision(label: "2"), in: fixture.study.study,
                                         now: fixture.platform.at(30))
        return try fixture.study.consensusTruth(now: fixture.platform.at(40), split: .public, truthFile: "truth.csv").csv
    }

    @Test func judgingAgainstImportedConsensusScoresAsAgainstHandWrittenTruth() async throws {
        let fixture = try StudyFixture(yaml: Self.yaml)
        try Self.importTruth(try Self.consensusCSV(fixture), into: fixture.platform)
        let fromConsensus = try await Self.judge(fixture.platform)

        let byHand = try Platform()
        try Self.importTruth(Self.handWritten, into: byHand)
        let fromHand = try await Self.judge(byHand)

        #expect(fromConsensus == fromHand)
        // Predictions 0,1,2,2,0,1 against 1,1,2,2,0,2: four of six right.
        #expect(fromConsensus[.public]?["accuracy"] == .some(4.0 / 6.0))
    }
}
