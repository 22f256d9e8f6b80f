import Foundation
import Scoring
import Testing
import TestSupport

/// `Fixtures/oracles/staple/expected.json`, written by `scripts/oracles/staple_oracle.py` with SimpleITK 2.5.2's
/// `STAPLEImageFilter` (the script's docstring says what each field holds). null stands for NaN.
struct STAPLEOracle: Decodable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let description: String
        let width: Int
        let height: Int
        let depth: Int
        let foregroundValue: UInt8
        let confidenceWeight: Double
        let maximumIterations: Int?
        let masks: [String]
        let probabilities: [Double?]
        let sensitivity: [Double?]
        let specificity: [Double?]
        let elapsedIterations: Int
        var testDescription: String { name }

        /// The masks as pixel values (each character a decimal digit).
        var pixelMasks: [[UInt8]] { masks.map { $0.utf8.map { $0 - UInt8(ascii: "0") } } }

        var options: STAPLE.Options {
            STAPLE.Options(
                foregroundValue: foregroundValue, confidenceWeight: confidenceWeight,
                maximumIterations: maximumIterations ?? Int(UInt32.max))
        }

        func estimate() throws -> STAPLE.Estimate {
            try STAPLE.estimate(masks: pixelMasks, width: width, height: height, depth: depth, options: options)
        }
    }

    let versions: [String: String]
    let cases: [Case]

    static let shared: STAPLEOracle = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let url = RepositoryFiles.url("Fixtures/oracles/staple/expected.json")
        do {
            return try decoder.decode(STAPLEOracle.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    func testCase(named name: String) -> Case {
        cases.first { $0.name == name }!
    }
}

/// Expects every value of `actual` within 1e-9 of the oracle's (nil stands for NaN), and the same count.
func expectMatchesOracle(
    _ actual: [Double], _ expected: [Double?], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, oracle \(expected.count)", sourceLocation: sourceLocation)
    var mismatches = 0
    for (index, (value, reference)) in zip(actual, expected).enumerated() {
        let matches = reference.map { abs(value - $0) <= 1e-9 } ?? value.isNaN
        if !matches && mismatches < 5 {
            let oracle = reference.map { "\($0)" } ?? "NaN"
            Issue.record("\(what)[\(index)]: \(value), oracle \(oracle)", sourceLocation: sourceLocation)
        }
        if !matches { mismatches += 1 }
    }
    #expect(mismatches == 0, "\(what): \(mismatches) values differ from the oracle", sourceLocation: sourceLocation)
}

/// The parent suite of the consensus tests, so `swift test --filter Consensus` selects all of them.
@Suite("Consensus") struct ConsensusTests {}
