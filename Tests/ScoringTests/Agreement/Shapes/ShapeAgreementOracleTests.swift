import Scoring
import Testing

extension AgreementTests {
    @Suite("Shape agreement against the oracle") struct ShapeAgreementOracleTests {
        @Test(arguments: ShapeAgreementOracle.shared.studies)
        func polygonDiceMatchesSkimageRasters(_ study: ShapeAgreementOracle.Study) throws {
            let reads = try study.shapeReads()
            let grids = try study.itemGrids()
            for (name, grid) in study.grids {
                #expect(grids[name]!.columns == grid.columns && grids[name]!.rows == grid.rows, "\(name) grid")
            }
            for expected in study.dice {
                let agreement = try PolygonDice.agreement(reads, grids: grids, className: expected.class)
                expectMatches(agreement, expected, "\(study.name) dice \(expected.class ?? "all")")
            }
        }

        @Test(arguments: ShapeAgreementOracle.shared.studies)
        func pointF1MatchesScipysAssignment(_ study: ShapeAgreementOracle.Study) throws {
            let reads = try study.shapeReads()
            for expected in study.points {
                var radius = expected.radius!
                if let micrometres = expected.micrometres, let mpp = expected.micronsPerPixel {
                    radius = try PointAgreement.radius(micrometres: micrometres, micronsPerPixel: mpp)
                    #expect(radius == expected.radius!)
                }
                let agreement = try PointAgreement.agreement(reads, radius: radius, className: expected.class)
                expectMatches(agreement, expected, "\(study.name) points r=\(radius) \(expected.class ?? "all")")
            }
        }

        @Test(arguments: ShapeAgreementOracle.shared.studies)
        func bootstrapMatchesTheOracleResampleByResample(_ study: ShapeAgreementOracle.Study) throws {
            let reads = try study.shapeReads()
            let grids = try study.itemGrids()
            var agreements: [ShapeAgreement] = []
            for expected in study.dice {
                agreements.append(try PolygonDice.agreement(reads, grids: grids, className: expected.class))
            }
            for expected in study.points {
                agreements.append(try PointAgreement.agreement(reads, radius: expected.radius!, className: expected.class))
            }
            let run = study.bootstrap
            let plan = BootstrapPlan.seeded(seed: run.seed, resamples: run.resamples)
            #expect(plan.caseIndices(resample: 0, caseCount: reads.itemCount) == run.firstResample)
            let intervals = try AgreementBootstrap.intervals(agreements, plan: plan, confidence: run.confidence)
            #expect(intervals.count == run.statistics.count)
            for (interval, expected) in zip(intervals, run.statistics) {
                let what = "\(study.name) \(expected.kind) \(expected.class ?? "all") \(expected.radius.map { "r=\($0)" } ?? "")"
                expectAgrees(interval.estimate, expected.estimate, "\(what) estimate")
                expectAgrees(interval.resampledValues, expected.resampled, "\(what) resamples")
                expectAgrees(interval.lower, expected.lower, "\(what) lower")
                expectAgrees(interval.upper, expected.upper, "\(what) upper")
            }
        }

        private func expectMatches(_ agreement: ShapeAgreement, _ expected: ShapeAgreementOracle.Result, _ what: String) {
            #expect(agreement.items.count == expected.items.count, "\(what): items")
            for (item, reference) in zip(agreement.items, expected.items) {
                #expect(agreement.itemIDs[item.item] == reference.item, "\(what): item order")
                let pairs = item.pairs.map { [$0.readerA, $0.readerB, $0.shared, $0.countA, $0.countB] }
                let expectedPairs = reference.pairs.map { [$0.readerA, $0.readerB, $0.shared, $0.countA, $0.countB] }
                #expect(pairs == expectedPairs, "\(what) \(reference.item)")
                expectAgrees(item.pairs.map(\.value), reference.pairs.map(\.value), "\(what) \(reference.item) values")
                expectAgrees(item.mean, reference.mean, "\(what) \(reference.item) mean")
            }
            expectAgrees(agreement.mean, expected.mean, "\(what) mean")
            let pairMeans = agreement.pairMeans
            let expectedPairs = expected.pairMeans.map { [$0.readerA, $0.readerB, $0.itemCount] }
            #expect(pairMeans.map { [$0.readerA, $0.readerB, $0.itemCount] } == expectedPairs, "\(what) pairs")
            expectAgrees(pairMeans.map(\.mean), expected.pairMeans.map(\.mean), "\(what) pair means")
        }
    }
}
