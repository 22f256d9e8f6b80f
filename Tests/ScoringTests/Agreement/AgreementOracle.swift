import Foundation
import Scoring
import Testing
import TestSupport

/// `Fixtures/oracles/agreement/expected.json`, written by `scripts/oracles/agreement_oracle.py` with scikit-learn,
/// statsmodels and krippendorff 0.9.0 (the script's docstring says what each field holds). null stands for NaN.
struct AgreementOracle: Decodable {
    struct CohenEntry: Decodable, Sendable {
        let readerA: Int
        let readerB: Int
        let none: Double?
        let linear: Double?
        let quadratic: Double?
        let custom: Double?
    }

    struct Fleiss: Decodable, Sendable {
        let readsPerItem: Int
        let itemCount: Int
        let leftOutItemCount: Int
        let kappa: Double?
    }

    struct Alpha: Decodable, Sendable {
        let withDomain: Double?
        let withoutDomain: Double?
    }

    struct Study: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let description: String
        let categories: [String]
        let customWeights: [[Double]]
        let rows: [[Int?]]
        let cohen: [CohenEntry]
        let fleiss: Fleiss
        let krippendorff: [String: Alpha]
        let percentAgreement: Double?
        var testDescription: String { name }

        func reads() throws -> AgreementReads { try AgreementReads(categories: categories, rows: rows) }
        var costs: CostMatrix { CostMatrix(rows: customWeights)! }
    }

    struct Statistic: Decodable, Sendable {
        let kind: String
        let readerA: Int?
        let readerB: Int?
        let weights: String?
        let level: MeasurementLevel?
        let estimate: Double?
        let resampled: [Double?]
        let lower: Double?
        let upper: Double?

        func statistic(costs: CostMatrix) -> AgreementStatistic {
            switch kind {
            case "cohen": .cohenKappa(readerA: readerA!, readerB: readerB!, weights: AgreementOracle.weights(weights!, costs))
            case "fleiss": .fleissKappa
            case "krippendorff": .krippendorffAlpha(level!)
            default: .percentAgreement
            }
        }
    }

    struct Bootstrap: Decodable, Sendable, CustomTestStringConvertible {
        let study: String
        let seed: UInt64
        let resamples: Int
        let confidence: Double
        let firstResample: [Int]
        let statistics: [Statistic]
        var testDescription: String { "\(study) seed \(seed)" }
    }

    let cliReaders: [String]
    let studies: [Study]
    let bootstraps: [Bootstrap]

    static let shared = RepositoryFiles.oracle(AgreementOracle.self, "Fixtures/oracles/agreement/expected.json", snakeCaseKeys: true)

    func study(named name: String) -> Study {
        studies.first { $0.name == name }!
    }

    static func weights(_ name: String, _ costs: CostMatrix) -> KappaWeights {
        switch name {
        case "none": .unweighted
        case "linear": .linear
        case "quadratic": .quadratic
        default: .custom(costs)
        }
    }
}

/// The parent suite of the agreement tests, so `swift test --filter Agreement` selects all of them.
@Suite("Agreement") struct AgreementTests {}
