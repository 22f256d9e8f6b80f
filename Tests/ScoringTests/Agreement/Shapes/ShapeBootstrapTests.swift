import Scoring
import Testing

extension AgreementTests {
    @Suite("Bootstrap intervals of shape agreement") struct ShapeBootstrapTests {
        let reads = try! ShapeReads([
            ShapeRead(item: "t0", reader: "a", points: [point(0, 0)]), ShapeRead(item: "t0", reader: "b", points: [point(0, 0)]),
            ShapeRead(item: "t1", reader: "a", points: [point(0, 0)]), ShapeRead(item: "t1", reader: "b"),
            ShapeRead(item: "t2", reader: "a"),
        ])

        @Test func anExplicitPlanOfEveryItemReproducesTheEstimate() throws {
            let agreement = try PointAgreement.agreement(reads, radius: 1)
            let intervals = try AgreementBootstrap.intervals([agreement], plan: .explicit([[0, 1, 2], [2, 1, 0]]))
            #expect(intervals[0].estimate == 0.5)
            #expect(intervals[0].resampledValues == [0.5, 0.5])
            #expect(intervals[0].statistic == .pointF1(radius: 1, className: nil))
        }

        @Test func aResampleOfItemsReadOnceIsUndefined() throws {
            let agreement = try PointAgreement.agreement(reads, radius: 1)
            let intervals = try AgreementBootstrap.intervals([agreement], plan: .explicit([[2, 2, 2], [0, 0, 1]]))
            #expect(intervals[0].resampledValues[0].isNaN && intervals[0].resampledValues[1] == 2.0 / 3)
            #expect(intervals[0].undefinedResampleCount == 1)
        }

        @Test func refusesAgreementsOfDifferentItems() throws {
            let other = try PointAgreement.agreement(try ShapeReads([ShapeRead(item: "x", reader: "a")]), radius: 1)
            let agreement = try PointAgreement.agreement(reads, radius: 1)
            #expect(throws: AgreementError.differentItems(agreement: 1)) {
                try AgreementBootstrap.intervals([agreement, other], plan: .seeded(seed: 1, resamples: 5))
            }
        }
    }
}
