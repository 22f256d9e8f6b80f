import Scoring
import Testing

extension AgreementTests {
    @Suite("Krippendorff's alpha") struct KrippendorffAlphaTests {
        @Test(arguments: AgreementOracle.shared.studies, MeasurementLevel.allCases)
        func matchesThePackageGivenTheCategoriesAsItsDomain(_ study: AgreementOracle.Study, _ level: MeasurementLevel) throws {
            let alpha = KrippendorffAlpha.value(try study.reads(), level: level)
            expectAgrees(alpha, study.krippendorff[level.rawValue]!.withDomain, "\(study.name) \(level)")
        }

        @Test(arguments: AgreementOracle.shared.studies, MeasurementLevel.allCases)
        func matchesThePackageInferringItsDomainWhereThatIsDefined(
            _ study: AgreementOracle.Study, _ level: MeasurementLevel
        ) throws {
            let reference = study.krippendorff[level.rawValue]!
            let alpha = KrippendorffAlpha.value(try study.reads(), level: level)
            if let inferred = reference.withoutDomain {
                expectAgrees(alpha, inferred, "\(study.name) \(level)")
            } else {
                #expect(alpha.isNaN, "the package refuses \(study.name) without a domain; with it: \(String(describing: reference.withDomain))")
            }
        }

        @Test func categoriesNobodyUsedChangeIntervalButNotOrdinalAlpha() throws {
            let rows: [[Int?]] = [[0, 1, 1], [1, 1, nil], [2, 2, 1], [0, 0, 0], [2, 1, 2], [0, nil, 1]]
            let spread = rows.map { $0.map { $0.map { [0, 2, 5][$0] } } }
            let compact = try AgreementReads(categories: ["a", "b", "c"], rows: rows)
            let widened = try AgreementReads(categories: ["a", "-", "b", "-", "-", "c"], rows: spread)
            let ordinal = KrippendorffAlpha.value(compact, level: .ordinal)
            #expect(abs(ordinal - KrippendorffAlpha.value(widened, level: .ordinal)) <= 1e-15)
            #expect(abs(KrippendorffAlpha.value(compact, level: .interval) - KrippendorffAlpha.value(widened, level: .interval)) > 1e-3)
        }

        @Test func ignoresItemsReadOnce() throws {
            let rows: [[Int?]] = [[0, 1, 1], [1, 1, nil], [2, 2, 1], [0, 0, 0]]
            let withSingles = rows + [[2, nil, nil], [nil, nil, 0]]
            for level in MeasurementLevel.allCases {
                let base = KrippendorffAlpha.value(try AgreementReads(categories: ["a", "b", "c"], rows: rows), level: level)
                let more = KrippendorffAlpha.value(try AgreementReads(categories: ["a", "b", "c"], rows: withSingles), level: level)
                #expect(base == more, "\(level)")
            }
        }
    }
}
