import Challenge
import Foundation
import PlatformSupport
import Scoring
import Studies
import Testing

/// Readers a, b, c of cases A…F (classes 0, 1, 2); F unread by c. Each reader against the others' majority, by hand:
///
/// | item | a | b | c | majority without a | without b | without c |
/// |---|---|---|---|---|---|---|
/// | A | 0 | 0 | 0 | 0 | 0 | 0 |
/// | B | 1 | 1 | 2 | tie | tie | 1 |
/// | C | 2 | 1 | 1 | 1 | tie | tie |
/// | D | 0 | 1 | 2 | tie | tie | tie |
/// | E | 1 | 1 | 1 | 1 | 1 | 1 |
/// | F | 2 | 2 | – | 2 | 2 | (c did not read F) |
///
/// a: A ✓ C ✗ E ✓ F ✓, 3 of 4; b: A ✓ E ✓ F ✓, 3 of 3; c: A ✓ B ✗ E ✓, 2 of 3.
@Suite("human level: each reader against the other readers' majority")
struct HumanLevelTests {
    static let rows: [String: [Int?]] = [
        "A": [0, 0, 0], "B": [1, 1, 2], "C": [2, 1, 1], "D": [0, 1, 2], "E": [1, 1, 1], "F": [2, 2, nil],
    ]

    static func reads() throws -> AgreementReads {
        let reads = ["A", "B", "C", "D", "E", "F"].flatMap { item in
            zip(["a", "b", "c"], rows[item]!).compactMap { reader, label in label.map { ReaderRead(item: item, reader: reader, label: $0) } }
        }
        return try AgreementReads(categories: ["0", "1", "2"], reads: reads)
    }

    /// The small three-class challenge with `primary` as its primary metric.
    static func challenge(primary: String) throws -> ChallengeSpec {
        let yaml = Platform.yaml()
            .replacingOccurrences(of: "primary: { kind: cost-matrix, matrix: [[0, 0.5, 1], [0.5, 0, 0.5], [1, 0.5, 0]] }", with: "primary: \(primary)")
            .replacingOccurrences(of: "secondary: [accuracy, quadratic-weighted-kappa]", with: "secondary: [class-recall]")
        return try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
    }

    static let costMatrix = "{ kind: cost-matrix, matrix: [[0, 0.5, 1], [0.5, 0, 0.5], [1, 0.5, 0]] }"

    @Test func accuracyOfEachReaderAgainstTheOthers() throws {
        let level = HumanLevel(reads: try Self.reads(), challenge: try Self.challenge(primary: "accuracy"), cases: nil)
        #expect(level.metric == "accuracy")
        #expect(level.notApplicable == nil)
        #expect(level.readers == [
            .init(reader: "a", value: 0.75, items: 4), .init(reader: "b", value: 1, items: 3), .init(reader: "c", value: 2.0 / 3, items: 3),
        ])
        #expect(level.band?.lower == 2.0 / 3)
        #expect(level.band?.upper == 1)
    }

    @Test func costMatrixScoreOfEachReaderAgainstTheOthers() throws {
        // a: 1 + 0.5 (truth 1, read 2) + 1 + 1 over 4; c: 1 + 0.5 (truth 1, read 2) + 1 over 3.
        let level = HumanLevel(reads: try Self.reads(), challenge: try Self.challenge(primary: Self.costMatrix), cases: nil)
        #expect(level.metric == "cost-matrix")
        #expect(level.readers.map(\.value) == [0.875, 1, 2.5 / 3])
    }

    @Test func onlyTheGivenCasesCount() throws {
        // The public cases A…D: a: A ✓ C ✗; b: A ✓; c: A ✓ B ✗.
        let level = HumanLevel(reads: try Self.reads(), challenge: try Self.challenge(primary: "accuracy"), cases: ["A", "B", "C", "D"])
        #expect(level.readers == [
            .init(reader: "a", value: 0.5, items: 2), .init(reader: "b", value: 1, items: 1), .init(reader: "c", value: 0.5, items: 2),
        ])
    }

    @Test func aReaderWithNoScorableItemHasNoValue() throws {
        let level = HumanLevel(reads: try Self.reads(), challenge: try Self.challenge(primary: "accuracy"), cases: ["D"])
        #expect(level.readers.map(\.items) == [0, 0, 0])
        #expect(level.readers.allSatisfy { $0.value == nil })
        #expect(level.band == nil)
    }

    @Test func aMetricOfProbabilitiesIsNotApplicable() throws {
        let level = HumanLevel(reads: try Self.reads(), challenge: try Self.challenge(primary: "macro-auroc"), cases: nil)
        #expect(level.readers.isEmpty)
        #expect(level.notApplicable == "Macro AUROC needs probabilities, and readers give one label per item")
    }

    @Test func aStudyOfTheStoreIsScoredFromItsLatestPlainReads() throws {
        let fixture = try StudyFixture(yaml: StudyFixture.yaml(readsPerItem: 3))
        let items = ["A": "r1", "B": "r2", "C": "r3", "D": "r4", "E": "r5", "F": "r6"]
        try fixture.read("r3", by: "ana", label: "1", at: 5)
        for (item, labels) in Self.rows {
            for (reader, label) in zip(["ana", "ben", "cleo"], labels) {
                guard let label else { continue }
                try fixture.read(items[item]!, by: reader, label: String(label))
            }
        }
        // A hidden repeat or an older version never counts: ana first read r3 as 1, then as 2.
        let level = try fixture.study.humanLevel(challenge: fixture.platform.spec, cases: nil)
        #expect(Dictionary(uniqueKeysWithValues: level.readers.map { ($0.reader, $0.value) }) == ["ana": 0.875, "ben": 1, "cleo": 2.5 / 3])
        #expect(fixture.study.anonymousName(of: "ben") == "Reader 2")
    }
}
