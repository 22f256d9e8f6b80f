import Scoring
import Testing

@Suite("Kendall tau-b")
struct KendallTauTests {
    @Test(arguments: RankingOracle.shared.kendallTau)
    func matchesScipy(_ reference: RankingOracle.Kendall) throws {
        expectAgrees(try KendallTau.tauB(reference.x, reference.y), reference.tau, "tau")
    }

    @Test func isSymmetricInItsArguments() throws {
        let x: [Double] = [1, 2, 2, 4, 5, 5, 7]
        let y: [Double] = [3, 1, 2, 2, 6, 5, 5]
        #expect(try KendallTau.tauB(x, y) == KendallTau.tauB(y, x))
    }

    @Test func rejectsNaN() {
        #expect(throws: StatisticsError.self) { try KendallTau.tauB([1, .nan], [1, 2]) }
    }
}
