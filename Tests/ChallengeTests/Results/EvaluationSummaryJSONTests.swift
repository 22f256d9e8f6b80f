import Challenge
import Foundation
import Scoring
import Testing

/// The stores keep each split's summary as the text `JSONEncoder` with sorted keys writes; `jsonText()` writes it
/// without `JSONEncoder`, and must write the same bytes for every shape a summary takes.
@Suite("Evaluation summaries as JSON")
struct EvaluationSummaryJSONTests {
    static func encoderText(_ summary: EvaluationSummary) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(summary), as: UTF8.self)
    }

    static func classification(probabilities: Bool, curves: [TaskEvaluation.Curve]) -> EvaluationSummary {
        var random = SplitMix64(seed: 3)
        let truth = (0..<200).map { _ in Int(random.next() % 4) }
        let predicted = truth.map { random.next() % 3 == 0 ? Int(random.next() % 4) : $0 }
        let scores = probabilities ? truth.flatMap { _ in (0..<4).map { _ in Double(random.next() % 1000) / 1000 } } : nil
        let outcomes = ClassificationOutcomes(classCount: 4, truth: truth, predicted: predicted, probabilities: scores)
        let costs = CostMatrix(rows: (0..<4).map { row in (0..<4).map { Double((row * 4 + $0) % 5) / 4 } })
        return .classification(ClassificationSummary(outcomes, costMatrix: costs), curves: curves)
    }

    static let awkwardCurve = TaskEvaluation.Curve(
        name: "ROC, class \"high/low\" \\ \u{1}\t\n\u{7f} é 😀", xLabel: "False positive rate", yLabel: "True positive rate",
        x: [0, 1e-7, 0.1, 1.0 / 3, 2.5e16, 123456789.125, -0.0, 1], y: [0, 5e-324, 0.30000000000000004, 1e22, 0.5, 1e-5, 2, 1])

    @Test func classificationWithCurvesIsWrittenAsJSONEncoderWritesIt() throws {
        let summary = Self.classification(probabilities: true, curves: [Self.awkwardCurve, Self.awkwardCurve])
        #expect(try summary.jsonText() == Self.encoderText(summary))
    }

    @Test func classificationWithoutProbabilitiesLeavesOutWhatIsNil() throws {
        let summary = Self.classification(probabilities: false, curves: [])
        let text = try summary.jsonText()
        #expect(!text.contains("aurocPerClass"))
        #expect(text == (try Self.encoderText(summary)))
    }

    @Test func lesionEvaluationIsWrittenAsJSONEncoderWritesIt() throws {
        let evaluation = TaskEvaluation(
            caseCount: 3,
            metrics: [TaskEvaluation.Metric(key: "froc-score", title: "FROC score", higherIsBetter: true, value: 0.8125),
                      TaskEvaluation.Metric(key: "auroc", title: "AUROC", higherIsBetter: true, value: nil)],
            cases: [TaskEvaluation.CaseValues(caseID: "tumor_001", values: ["hits": 3, "dice": nil, "b": 0.1]),
                    TaskEvaluation.CaseValues(caseID: "normal/002", values: [:])],
            curves: [Self.awkwardCurve])
        #expect(try EvaluationSummary.lesions(evaluation).jsonText() == Self.encoderText(.lesions(evaluation)))
    }

    @Test func aNumberJSONCannotSpellIsRefused() {
        let curve = TaskEvaluation.Curve(name: "c", xLabel: "x", yLabel: "y", x: [.nan], y: [0])
        #expect(throws: (any Error).self) { try EvaluationSummary.classification(Self.classification(probabilities: false, curves: []).classification!, curves: [curve]).jsonText() }
    }
}
