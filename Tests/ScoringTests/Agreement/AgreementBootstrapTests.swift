import Scoring
import Testing

extension AgreementTests {
    @Suite("Bootstrap intervals of agreement") struct AgreementBootstrapTests {
        @Test(arguments: AgreementOracle.shared.bootstraps)
        func seededPlanMatchesTheOracleResampleByResample(_ run: AgreementOracle.Bootstrap) throws {
            let study = AgreementOracle.shared.study(named: run.study)
            let statistics = run.statistics.map { $0.statistic(costs: study.costs) }
            let intervals = try AgreementBootstrap.intervals(
                try study.reads(), statistics: statistics, plan: .seeded(seed: run.seed, resamples: run.resamples),
                confidence: run.confidence)
            #expect(intervals.count == run.statistics.count)
            for (interval, reference) in zip(intervals, run.statistics) {
                let what = "\(run.study) \(reference.kind) \(reference.weights ?? reference.level?.rawValue ?? "")"
                #expect(interval.statistic == reference.statistic(costs: study.costs))
                expectAgrees(interval.estimate, reference.estimate, "\(what) estimate")
                #expect(interval.resampledValues.count == run.resamples)
                for (index, (value, expected)) in zip(interval.resampledValues, reference.resampled).enumerated() {
                    expectAgrees(value, expected, "\(what) resample \(index)")
                }
                expectAgrees(interval.lower, reference.lower, "\(what) lower")
                expectAgrees(interval.upper, reference.upper, "\(what) upper")
                #expect(interval.undefinedResampleCount == reference.resampled.count { $0 == nil })
            }
        }

        @Test(arguments: AgreementOracle.shared.bootstraps)
        func resamplesTheItemsWithTheRankingBootstrapsPlan(_ run: AgreementOracle.Bootstrap) {
            let itemCount = AgreementOracle.shared.study(named: run.study).rows.count
            let plan = BootstrapPlan.seeded(seed: run.seed, resamples: run.resamples)
            #expect(plan.caseIndices(resample: 0, caseCount: itemCount) == run.firstResample)
        }

        @Test func anExplicitPlanOfEveryItemReproducesTheEstimate() throws {
            let reads = try AgreementOracle.shared.study(named: "seven-readers-missing-reads").reads()
            let statistics: [AgreementStatistic] = [
                .cohenKappa(readerA: 1, readerB: 4, weights: .quadratic), .fleissKappa, .krippendorffAlpha(.ordinal), .percentAgreement,
            ]
            let everyItem = Array(0..<reads.itemCount)
            let intervals = try AgreementBootstrap.intervals(
                reads, statistics: statistics, plan: .explicit([everyItem, everyItem.reversed()]))
            for interval in intervals {
                #expect(interval.resampledValues == [interval.estimate, interval.estimate])
                #expect(interval.lower == interval.estimate && interval.upper == interval.estimate)
            }
        }

        @Test func rejectsAConfidenceOutsideTheUnitInterval() throws {
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[0, 1], [1, 1]])
            #expect(throws: AgreementError.confidenceOutOfRange(1)) {
                try AgreementBootstrap.intervals(reads, statistics: [.fleissKappa], plan: .seeded(seed: 1), confidence: 1)
            }
        }

        @Test func rejectsAPlanIndexOutsideTheItems() throws {
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[0, 1], [1, 1]])
            #expect(throws: AgreementError.invalidPlan(.caseIndexOutOfRange(resample: 0, position: 1, index: 2, caseCount: 2))) {
                try AgreementBootstrap.intervals(reads, statistics: [.percentAgreement], plan: .explicit([[0, 2]]))
            }
        }

        @Test func checksEveryStatisticBeforeResampling() throws {
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[0, 1], [1, 1]])
            #expect(throws: AgreementError.readerOutOfRange(reader: 5, readerCount: 2)) {
                try AgreementBootstrap.intervals(
                    reads, statistics: [.fleissKappa, .cohenKappa(readerA: 0, readerB: 5, weights: .linear)], plan: .seeded(seed: 1))
            }
        }
    }
}
