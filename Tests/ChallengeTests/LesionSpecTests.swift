import Challenge
import Foundation
import Scoring
import Testing
import TestSupport

@Suite struct LesionSpecTests {
    static func spec(task: String, metrics: String) throws -> ChallengeSpec {
        try ChallengeSpecParser.parse(yaml: """
            schema: 1
            slug: lesions
            title: Lesions
            task:
            \(task)
            metrics:
            \(metrics)
            phases:
              - slug: final
                opens: 2026-01-01T00:00:00Z
                closes: 2026-03-01T00:00:00Z
                cases: [public]
                public-split: public
                limits: { per-period: 2, period: 1d }
                final-entry: latest
            """, file: "challenge.yaml")
    }

    @Test func demoChallengesParse() throws {
        let camelyon = try ChallengeSpecParser.parse(yaml: RepositoryFiles.text("Challenges/camelyon-demo/challenge.yaml"), file: "challenge.yaml")
        #expect(camelyon.task.froc == FROCSettings(protocolName: .froc))
        let picai = try ChallengeSpecParser.parse(yaml: RepositoryFiles.text("Challenges/picai-demo/challenge.yaml"), file: "challenge.yaml")
        #expect(picai.task.detection?.overlap == .iou)
        #expect(picai.primaryColumn.key == "picai-score")
    }

    @Test func frocSettingsAreRead() throws {
        let spec = try Self.spec(task: "  kind: slide-lesion-detection\n  froc: { protocol: camelyon16, evaluation-level: 4, fp-rates: [1, 2] }",
                                 metrics: "  primary: froc-score\n  secondary: [froc-sensitivity]")
        #expect(spec.task.froc?.protocolName == .camelyon16)
        #expect(spec.task.froc?.level == 4)
        #expect(spec.resultColumns.map(\.key) == ["froc-score", "sensitivity@1.0", "sensitivity@2.0"])
    }

    @Test func hausdorffIsLowerIsBetter() throws {
        let spec = try Self.spec(task: "  kind: volume-segmentation\n  segmentation: { tolerances: [2] }",
                                 metrics: "  primary: dice\n  secondary: [hausdorff95, surface-dice]")
        #expect(spec.resultColumns.map(\.direction) == [.higherIsBetter, .lowerIsBetter, .higherIsBetter])
        #expect(spec.resultColumns.last?.key == "surface-dice@2.0")
    }

    @Test func metricOfAnotherTaskIsRefusedWithTheChoices() {
        do {
            _ = try Self.spec(task: "  kind: volume-lesion-detection", metrics: "  primary: accuracy")
            Issue.record("accepted accuracy for a detection task")
        } catch {
            #expect("\(error)".contains("not a metric of volume-lesion-detection"))
            #expect("\(error)".contains("picai-score"))
        }
    }

    @Test func classesOnALesionTaskAreRefused() {
        #expect(throws: (any Error).self) {
            try Self.spec(task: "  kind: slide-lesion-detection\n  classes: [{ id: a, name: a }, { id: b, name: b }]", metrics: "  primary: froc-score")
        }
    }

    @Test func unknownProtocolNamesTheChoices() {
        do {
            _ = try Self.spec(task: "  kind: slide-lesion-detection\n  froc: { protocol: camelyon17 }", metrics: "  primary: froc-score")
            Issue.record("accepted an unknown protocol")
        } catch {
            #expect("\(error)".contains("camelyon17"))
        }
    }
}
