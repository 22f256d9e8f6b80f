import Foundation
import Scoring
import Testing
import TestSupport

/// `Fixtures/oracles/ranking/expected.json`, written by `scripts/oracles/ranking_oracle.py` with SciPy,
/// statsmodels and numpy (see the script's docstring for what each section holds).
struct RankingOracle: Decodable {
    struct Wilcoxon: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let x: [Double]
        let y: [Double]
        let alternative: TestAlternative
        let statistic: Double?
        let z: Double?
        let pValue: Double?
        let rPlus: Double
        let rMinus: Double
        let nonZeroCount: Int
        var testDescription: String { "\(name) \(alternative.rawValue)" }
    }

    struct Holm: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let pValues: [Double?]
        let adjusted: [Double?]
        var testDescription: String { name }
    }

    struct Kendall: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let x: [Double]
        let y: [Double]
        let tau: Double?
        var testDescription: String { name }
    }

    struct Percentiles: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let values: [Double]
        let percents: [Double]
        let expected: [Double]
        var testDescription: String { name }
    }

    struct SeededPlan: Decodable, Sendable, CustomTestStringConvertible {
        let seed: UInt64
        let caseCount: Int
        let resamples: Int
        let plan: [[Int]]
        var testDescription: String { "seed \(seed)" }
    }

    struct Metric: Decodable, Sendable {
        let name: String
        let direction: MetricDirection
        let includedInRanking: Bool
        let values: [[Double?]]
    }

    struct Scheme: Decodable, Sendable {
        let kind: String
        let aggregation: Aggregation?
        let alpha: Double?
        let adjustment: PValueAdjustment?

        var scheme: RankingScheme {
            switch kind {
            case "aggregate-then-rank": .aggregateThenRank(aggregation!)
            case "rank-then-aggregate": .rankThenAggregate(aggregation!)
            default: .testThenRank(alpha: alpha!, adjustment: adjustment!)
            }
        }
    }

    struct RankingResult: Decodable, Sendable {
        let scheme: Scheme
        let metricAggregation: Aggregation
        let metricScores: [[Double]]
        let metricRanks: [[Int]]
        let combinedScores: [Double]
        let ranks: [Int]
        var method: RankingMethod { RankingMethod(scheme: scheme.scheme, metricAggregation: metricAggregation) }
    }

    struct Group: Decodable, Sendable {
        let reference: Int
        let pValues: [Double?]
        let adjustedPValues: [Double?]
        let members: [Bool]
    }

    struct Table: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let description: String
        let metrics: [Metric]
        let results: [RankingResult]
        let firstPlaceGroups: [Group]
        var testDescription: String { name }

        func scoreTable() throws -> ScoreTable {
            try ScoreTable(
                metrics: metrics.map {
                    MetricScores(
                        name: $0.name, direction: $0.direction, includedInRanking: $0.includedInRanking, values: $0.values)
                })
        }
    }

    struct Run: Decodable, Sendable, CustomTestStringConvertible {
        let table: String
        let scheme: Scheme
        let metricAggregation: Aggregation
        let plan: [[Int]]
        let fullRanks: [Int]
        let resampledRanks: [[Int]]
        let rankCounts: [[Int]]
        let rankIntervalLower: [Double]
        let rankIntervalUpper: [Double]
        let probabilityFirst: [Double]
        let kendallTaus: [Double?]
        let kendallTauQuartiles: [Double]?
        var method: RankingMethod { RankingMethod(scheme: scheme.scheme, metricAggregation: metricAggregation) }
        var testDescription: String {
            "\(table) \(scheme.kind) \(scheme.aggregation?.rawValue ?? scheme.adjustment?.rawValue ?? "")"
        }
    }

    let wilcoxon: [Wilcoxon]
    let holm: [Holm]
    let kendallTau: [Kendall]
    let percentiles: [Percentiles]
    let seededPlans: [SeededPlan]
    let rankings: [Table]
    let bootstraps: [Run]

    static let shared = RepositoryFiles.oracle(RankingOracle.self, "Fixtures/oracles/ranking/expected.json", snakeCaseKeys: true)

    func table(named name: String) -> Table {
        rankings.first { $0.name == name }!
    }
}

/// Expects `actual` to agree with the oracle's `expected` to 1e-12, relative beyond magnitude 1 (nil stands for NaN).
func expectAgrees(
    _ actual: Double, _ expected: Double?, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let expected else {
        #expect(actual.isNaN, "\(what()): \(actual), oracle NaN", sourceLocation: sourceLocation)
        return
    }
    #expect(
        abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "\(what()): \(actual), oracle \(expected)",
        sourceLocation: sourceLocation)
}

/// `expectAgrees` element by element.
func expectAgrees(
    _ actual: [Double], _ expected: [Double?], _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what()): count", sourceLocation: sourceLocation)
    for (index, (value, reference)) in zip(actual, expected).enumerated() {
        expectAgrees(value, reference, "\(what())[\(index)]", sourceLocation: sourceLocation)
    }
}
