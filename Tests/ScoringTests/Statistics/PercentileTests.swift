import Scoring
import Testing
import TestSupport

@Suite("Percentiles and the bootstrap generator")
struct PercentileTests {
    @Test(arguments: RankingOracle.shared.percentiles)
    func matchesNumpyLinearPercentiles(_ reference: RankingOracle.Percentiles) {
        let sorted = reference.values.sorted()
        let actual = reference.percents.map { Percentile.linear(sorted: sorted, percent: $0) }
        expectAgrees(actual, reference.expected, "percentiles")
    }

    @Test(arguments: RankingOracle.shared.seededPlans)
    func seededPlanMatchesTheIndependentImplementation(_ reference: RankingOracle.SeededPlan) {
        let plan = BootstrapPlan.seeded(seed: reference.seed, resamples: reference.resamples)
        let drawn = (0..<reference.resamples).map { plan.caseIndices(resample: $0, caseCount: reference.caseCount) }
        #expect(drawn == reference.plan)
    }

    @Test func outputAtAnIndexIsTheSequenceValue() {
        var generator = SplitMix64(seed: 7)
        let sequence = (0..<5).map { _ in generator.next() }
        #expect(sequence == (0..<5).map { SplitMix64.output(seed: 7, index: UInt64($0)) })
    }
}
