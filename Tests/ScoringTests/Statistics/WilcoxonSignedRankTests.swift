import Scoring
import Testing

@Suite("Wilcoxon signed-rank test")
struct WilcoxonSignedRankTests {
    @Test(arguments: RankingOracle.shared.wilcoxon)
    func matchesScipy(_ reference: RankingOracle.Wilcoxon) throws {
        let test = try WilcoxonSignedRank(reference.x, reference.y, alternative: reference.alternative)
        expectAgrees(test.statistic, reference.statistic, "statistic")
        expectAgrees(test.z, reference.z, "z")
        expectAgrees(test.pValue, reference.pValue, "p")
        #expect(test.nonZeroCount == reference.nonZeroCount)
        if !reference.x.isEmpty {
            #expect(test.rankSumPositive == reference.rPlus)
            #expect(test.rankSumNegative == reference.rMinus)
        }
    }

    @Test func allZeroDifferencesGiveNoPValueLikeScipy() throws {
        let test = try WilcoxonSignedRank([1, 2, 3], [1, 2, 3], alternative: .greater)
        #expect(test.statistic == 0)
        #expect(test.zeroCount == 3)
        #expect(test.pValue.isNaN && test.z.isNaN)
    }

    @Test func oneSidedStatisticIsThePositiveRankSum() throws {
        let test = try WilcoxonSignedRank(differences: [3, -1, 2], alternative: .less)
        #expect(test.statistic == 5)
        #expect(try WilcoxonSignedRank(differences: [3, -1, 2], alternative: .twoSided).statistic == 1)
    }

    @Test func rejectsSamplesOfDifferentLengths() {
        #expect(throws: StatisticsError.lengthMismatch(first: 2, second: 1)) {
            try WilcoxonSignedRank([1, 2], [1], alternative: .greater)
        }
    }

    @Test func rejectsInfiniteValuesNamingTheirPosition() {
        #expect(throws: StatisticsError.notFinite(sample: "y", index: 1, value: .infinity)) {
            try WilcoxonSignedRank([1, 2], [1, .infinity], alternative: .greater)
        }
    }

    @Test func normalTailsKeepTheirRelativeAccuracy() {
        // SciPy: ndtr(-10) = 7.61985302416047e-24, ndtr(0.3) = 0.6179114221889526.
        #expect(abs(NormalDistribution.cdf(-10) / 7.61985302416047e-24 - 1) < 1e-14)
        #expect(abs(NormalDistribution.cdf(0.3) / 0.6179114221889526 - 1) < 1e-15)
        #expect(NormalDistribution.survival(10) == NormalDistribution.cdf(-10))
        #expect(NormalDistribution.cdf(0) == 0.5)
    }
}
