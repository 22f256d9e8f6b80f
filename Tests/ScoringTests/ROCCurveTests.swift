import Foundation
import Scoring
import TestSupport
import Testing

@Suite struct ROCCurveTests {
    @Test func onePointPerDistinctScoreFromTheOrigin() throws {
        let curve = try #require(ROCCurve(scores: [0.9, 0.8, 0.8, 0.1], positive: [true, false, true, false]))
        #expect(curve.falsePositiveRates == [0, 0, 0.5, 1])
        #expect(curve.truePositiveRates == [0, 0.5, 1, 1])
    }

    @Test func undefinedWithoutNegatives() {
        #expect(ROCCurve(scores: [0.2, 0.4], positive: [true, true]) == nil)
    }
}

/// Every one-vs-rest curve of the classification oracle cases, against scikit-learn's `roc_curve` with and without
/// `drop_intermediate` (`scripts/oracles/roc_curve_oracle.py`, `Fixtures/oracles/classification/roc-curves.json`).
@Suite struct ROCCurveOracleTests {
    struct Expected: Decodable {
        struct Case: Decodable { let classes: [String]; let curves: [String: Curve] }
        struct Curve: Decodable { let class_index: Int; let all: Rates; let plotted: Rates }
        struct Rates: Decodable, Equatable { let fpr: [Double]; let tpr: [Double] }
        let cases: [String: Case]
    }

    static let expected = RepositoryFiles.oracle(Expected.self, "Fixtures/oracles/classification/roc-curves.json")

    /// Each row's truth label and its probabilities, in the order of the predictions file.
    static func rows(_ name: String, classes: [String]) throws -> [(truth: String, scores: [Double])] {
        func table(_ file: String) throws -> [[String]] {
            let text = String(decoding: try RepositoryFiles.bytes("Fixtures/oracles/classification/\(name)/\(file)"), as: UTF8.self)
            return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        let truth = Dictionary(uniqueKeysWithValues: try table("truth.csv").dropFirst().map { ($0[0], $0[1]) })
        let predictions = try table("predictions.csv")
        let columns = classes.map { predictions[0].firstIndex(of: "p_" + $0)! }
        return predictions.dropFirst().map { row in (truth[row[0]]!, columns.map { Double(row[$0])! }) }
    }

    @Test(arguments: expected.cases.keys.sorted())
    func curvesMatchScikitLearnWithAndWithoutIntermediatePoints(_ name: String) throws {
        let expected = try #require(Self.expected.cases[name])
        let rows = try Self.rows(name, classes: expected.classes)
        if expected.curves.isEmpty {
            // Every case is positive for one class and negative for the others: no curve is defined.
            for index in expected.classes.indices {
                #expect(ROCCurve(scores: rows.map { $0.scores[index] }, positive: rows.map { $0.truth == expected.classes[index] }) == nil)
            }
        }
        for (label, curve) in expected.curves {
            let scores = rows.map { $0.scores[curve.class_index] }, positive = rows.map { $0.truth == label }
            let all = try #require(ROCCurve(scores: scores, positive: positive))
            let plotted = try #require(ROCCurve(scores: scores, positive: positive, droppingIntermediate: true))
            #expect(Expected.Rates(fpr: all.falsePositiveRates, tpr: all.truePositiveRates) == curve.all, "\(name), class \(label)")
            #expect(Expected.Rates(fpr: plotted.falsePositiveRates, tpr: plotted.truePositiveRates) == curve.plotted, "\(name), class \(label)")
        }
    }
}
