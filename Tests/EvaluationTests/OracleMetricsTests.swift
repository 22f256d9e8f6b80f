import Challenge
import Evaluation
import Foundation
import Scoring
import TestSupport
import Testing

/// One case of `Fixtures/oracles/classification/expected.json`, written by
/// `scripts/oracles/classification_oracle.py` with scikit-learn.
struct OracleCase: Decodable, CustomTestStringConvertible, Sendable {
    let name: String
    let truth: String
    let predictions: String
    let costMatrix: String
    let split: Split?
    let classes: [String]
    let nCases: Int
    let costMatrixScore: Double
    let accuracy: Double
    let quadraticWeightedKappa: Double?
    let recallPerClass: [Double?]
    let confusionMatrix: [[Int]]
    let aurocPerClass: [Double?]?
    let macroAuroc: Double?

    var testDescription: String { name }

    static func all() throws -> [OracleCase] {
        struct Document: Decodable { let cases: [OracleCase] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Document.self, from: Data(contentsOf: RepositoryFiles.url("Fixtures/oracles/classification/expected.json"))).cases
    }

    /// Parses the case's files with the production parsers and computes the summary.
    func summary() throws -> ClassificationSummary {
        struct MatrixFile: Decodable { let classes: [String]; let matrix: [[Double]] }
        let matrix = try JSONDecoder().decode(MatrixFile.self, from: Data(contentsOf: RepositoryFiles.url(costMatrix)))
        let task = TaskSpec(kind: .slideClassification, classes: matrix.classes.map { ClassSpec(id: $0, name: $0) })
        let allCases = try TruthParser.parse(try RepositoryFiles.bytes(truth), file: truth, task: task, requireSplit: false).cases
        let parsed = try PredictionParser(task: task, expectedCaseIDs: allCases.map(\.id))
            .parse(try RepositoryFiles.bytes(predictions), file: predictions)
        let outcomes = ClassificationOutcomes(
            classCount: task.classes.count, truth: allCases.map(\.label), predicted: parsed.labels,
            probabilities: parsed.probabilities)
        let selected = allCases.indices.filter { index in split.map { allCases[index].split == $0 } ?? true }
        return ClassificationSummary(outcomes.subset(selected), costMatrix: CostMatrix(rows: matrix.matrix))
    }
}

func expectClose(_ actual: Double?, _ expected: Double?, tolerance: Double = 1e-12,
                 _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    switch (actual, expected) {
    case (nil, nil):
        break
    case let (actual?, expected?):
        #expect(abs(actual - expected) <= tolerance, "\(what): \(actual) vs scikit-learn \(expected)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(what): \(String(describing: actual)) vs scikit-learn \(String(describing: expected))", sourceLocation: sourceLocation)
    }
}

@Suite("Classification metrics match scikit-learn")
struct OracleMetricsTests {
    @Test(arguments: try OracleCase.all())
    func matchesOracle(_ oracle: OracleCase) throws {
        let summary = try oracle.summary()
        #expect(summary.caseCount == oracle.nCases)
        #expect(summary.confusion.rows == oracle.confusionMatrix)
        expectClose(summary.costMatrixScore, oracle.costMatrixScore, "cost-matrix score")
        expectClose(summary.accuracy, oracle.accuracy, "accuracy")
        expectClose(summary.quadraticWeightedKappa, oracle.quadraticWeightedKappa, "quadratic weighted kappa")
        #expect(summary.recallPerClass.count == oracle.recallPerClass.count)
        for (index, (actual, expected)) in zip(summary.recallPerClass, oracle.recallPerClass).enumerated() {
            expectClose(actual, expected, "recall of class \(oracle.classes[index])")
        }
        #expect((summary.aurocPerClass == nil) == (oracle.aurocPerClass == nil))
        for (index, (actual, expected)) in zip(summary.aurocPerClass ?? [], oracle.aurocPerClass ?? []).enumerated() {
            expectClose(actual, expected, "AUROC of class \(oracle.classes[index])")
        }
        expectClose(summary.macroAUROC, oracle.macroAuroc, "macro AUROC")
    }

    @Test func oracleCoversTheAwkwardCases() throws {
        let names = Set(try OracleCase.all().map(\.name))
        for required in ["ties-one-decimal", "class-absent-from-truth", "single-class-truth", "seven-classes", "large-1500"] {
            #expect(names.contains(required), "oracle case \(required) is missing")
        }
    }
}
