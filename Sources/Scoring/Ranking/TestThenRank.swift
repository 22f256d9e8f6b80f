/// challengeR's test-based ranking of one metric (see `RankingScheme.testThenRank`).
enum TestThenRank {
    /// For each team, the share of the other teams it beats significantly when case c occurs
    /// `multiplicities[c]` times.
    static func shares(
        _ pairs: PairwiseSignedRanks, multiplicities: [Int32], direction: MetricDirection, alpha: Double,
        adjustment: PValueAdjustment
    ) -> [Double] {
        let teamCount = pairs.teamCount
        guard teamCount > 1 else { return [Double](repeating: 0, count: teamCount) }
        var pBetter = pairwisePValues(pairs, multiplicities: multiplicities, direction: direction)
        if adjustment == .holm {
            let offDiagonal = (0..<teamCount * teamCount).filter { $0 / teamCount != $0 % teamCount }
            let adjusted = HolmAdjustment.adjustValidated(offDiagonal.map { pBetter[$0] })
            for (position, index) in offDiagonal.enumerated() { pBetter[index] = adjusted[position] }
        }
        return (0..<teamCount).map { team in
            let wins = (0..<teamCount).filter { $0 != team && pBetter[team * teamCount + $0] <= alpha }.count
            return Double(wins) / Double(teamCount - 1)
        }
    }

    /// `p[i * teamCount + j]`: the one-sided p-value of "team i is better than team j" over the cases
    /// where both have a value; NaN on the diagonal and without a non-zero difference. One set of rank
    /// sums of x_i − x_j serves both directions of a pair.
    static func pairwisePValues(
        _ pairs: PairwiseSignedRanks, multiplicities: [Int32], direction: MetricDirection
    ) -> [Double] {
        let teamCount = pairs.teamCount
        var p = [Double](repeating: .nan, count: teamCount * teamCount)
        var pair = 0
        for first in 0..<teamCount {
            for second in (first + 1)..<teamCount {
                let sums = pairs.rankSums(pair: pair, multiplicities: multiplicities)
                pair += 1
                let greater = sums.normalApproximation(.greater).pValue
                let less = sums.normalApproximation(.less).pValue
                p[first * teamCount + second] = direction == .higherIsBetter ? greater : less
                p[second * teamCount + first] = direction == .higherIsBetter ? less : greater
            }
        }
        return p
    }

    /// Signed-rank sums of the non-zero differences `x_first − x_second` over all cases where both teams
    /// have a value, by sorting (for a single comparison, where building `PairwiseSignedRanks` would not pay).
    static func rankSums(
        _ matrix: [Double], caseCount: Int, first: Int, second: Int, keys: inout [UInt64]
    ) -> SignedRankSums {
        keys.removeAll(keepingCapacity: true)
        for index in 0..<caseCount {
            let difference = matrix[first * caseCount + index] - matrix[second * caseCount + index]
            if !difference.isNaN, difference != 0 { keys.append(SignedRankSums.key(difference)) }
        }
        return SignedRankSums(sortingKeys: &keys)
    }
}
