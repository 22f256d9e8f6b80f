import Scoring
import Testing

extension AgreementTests {
    @Suite("Percent agreement") struct PercentAgreementTests {
        @Test(arguments: AgreementOracle.shared.studies)
        func matchesTheIndependentPairCount(_ study: AgreementOracle.Study) throws {
            expectAgrees(PercentAgreement.value(try study.reads()), study.percentAgreement, study.name)
        }

        @Test func averagesItemsNotPairs() throws {
            // Item 0: 3 of its 6 pairs agree (1/2); item 1: its one pair agrees (1). Mean 3/4, not 4/7.
            let reads = try AgreementReads(categories: ["a", "b"], rows: [[0, 0, 0, 1], [1, 1, nil, nil], [0, nil, nil, nil]])
            #expect(PercentAgreement.value(reads) == 0.75)
        }
    }
}
