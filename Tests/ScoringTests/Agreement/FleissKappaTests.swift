import Scoring
import Testing

extension AgreementTests {
    @Suite("Fleiss' kappa") struct FleissKappaTests {
        @Test(arguments: AgreementOracle.shared.studies)
        func matchesStatsmodelsOnTheItemsWithTheModalReadCount(_ study: AgreementOracle.Study) throws {
            let fleiss = FleissKappa(try study.reads())
            expectAgrees(fleiss.value, study.fleiss.kappa, study.name)
            #expect(fleiss.readsPerItem == study.fleiss.readsPerItem)
            #expect(fleiss.itemCount == study.fleiss.itemCount)
            #expect(fleiss.leftOutItemCount == study.fleiss.leftOutItemCount)
        }

        @Test func aTieBetweenReadCountsGoesToTheLargerCount() throws {
            let reads = try AgreementReads(
                categories: ["a", "b"], rows: [[0, 0, nil], [1, 0, nil], [0, 0, 0], [1, 1, 0], [1, nil, nil]])
            let fleiss = FleissKappa(reads)
            #expect(fleiss.readsPerItem == 3)
            #expect(fleiss.itemCount == 2)
            #expect(fleiss.leftOutItemCount == 3)
        }

        @Test func isUndefinedWhenEveryReadIsInOneCategory() throws {
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[1, 1, 1], [1, 1, 1]])
            let fleiss = FleissKappa(reads)
            #expect(fleiss.value.isNaN)
            #expect(fleiss.itemCount == 2)
        }
    }
}
