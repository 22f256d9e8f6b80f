import Scoring
import Testing

@Suite("Holm adjustment")
struct HolmAdjustmentTests {
    @Test(arguments: RankingOracle.shared.holm)
    func matchesStatsmodels(_ reference: RankingOracle.Holm) throws {
        let adjusted = try HolmAdjustment.adjust(reference.pValues.map { $0 ?? .nan })
        expectAgrees(adjusted, reference.adjusted, "adjusted")
    }

    @Test func adjustedValuesAreCappedAtOne() throws {
        #expect(try HolmAdjustment.adjust([0.6, 0.5]) == [1, 1])
    }

    @Test func emptyListStaysEmpty() throws {
        #expect(try HolmAdjustment.adjust([]) == [])
    }

    @Test func rejectsPValuesOutsideTheUnitInterval() {
        #expect(throws: StatisticsError.pValueOutOfRange(index: 1, value: 1.5)) {
            try HolmAdjustment.adjust([0.1, 1.5])
        }
    }
}
