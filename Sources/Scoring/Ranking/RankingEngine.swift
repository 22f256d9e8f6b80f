/// Computes rankings of a `PreparedTable` on any selection of its cases (repeats allowed), reusing its
/// buffer of case multiplicities; one engine per task.
struct RankingEngine {
    let table: PreparedTable
    private var multiplicities: [Int32] = []

    init(_ table: PreparedTable) {
        self.table = table
    }

    /// Every metric's scores and ranks, the combined scores and the final ranks.
    mutating func outcome(cases: [Int]) -> RankingOutcome {
        let scores = table.metrics.indices.map { metricScores($0, cases: cases) }
        let ranks = scores.indices.map { Ranking.minimumRanks(scores[$0], direction: table.scoreDirection($0)) }
        let combined = combinedScores(ranks)
        return RankingOutcome(
            metricScores: scores, metricRanks: ranks, combinedScores: combined,
            ranks: Ranking.minimumRanks(combined, direction: .lowerIsBetter))
    }

    /// The final ranks only, computing just the metrics that count.
    mutating func finalRanks(cases: [Int]) -> [Int] {
        var ranks = [[Int]](repeating: [], count: table.metrics.count)
        for metric in table.rankedMetrics {
            ranks[metric] = Ranking.minimumRanks(metricScores(metric, cases: cases), direction: table.scoreDirection(metric))
        }
        if table.rankedMetrics.count == 1 { return ranks[table.rankedMetrics[0]] }
        return Ranking.minimumRanks(combinedScores(ranks), direction: .lowerIsBetter)
    }

    /// The per-team values that metric `metric`'s ranking sorts.
    mutating func metricScores(_ metric: Int, cases: [Int]) -> [Double] {
        switch table.method.scheme {
        case .aggregateThenRank(.mean), .rankThenAggregate(.mean):
            return meanOfRows(table.metrics[metric].matrix, cases: cases)
        case .aggregateThenRank(.median), .rankThenAggregate(.median):
            countMultiplicities(cases)
            return medianOfRows(table.metrics[metric], caseCount: cases.count)
        case .testThenRank(let alpha, let adjustment):
            countMultiplicities(cases)
            return TestThenRank.shares(
                table.metrics[metric].pairs!, multiplicities: multiplicities,
                direction: table.metrics[metric].valueDirection, alpha: alpha, adjustment: adjustment)
        }
    }

    /// Each row's median over the cases counted in `multiplicities` (`caseCount` of them with repeats):
    /// the value at the middle position, or the mean of the two middle values (numpy's `median`), found
    /// by walking the row's cases in ascending order of value.
    private func medianOfRows(_ metric: PreparedTable.Metric, caseCount: Int) -> [Double] {
        let upperPosition = caseCount / 2
        let lowerPosition = caseCount % 2 == 0 ? upperPosition - 1 : upperPosition
        return (0..<table.teamCount).map { team in
            let start = team * table.caseCount
            var seen = 0
            var lower = Double.nan
            for index in metric.sortedCases[start..<(start + table.caseCount)] {
                let weight = Int(multiplicities[Int(index)])
                let value = metric.matrix[start + Int(index)]
                if seen <= lowerPosition, lowerPosition < seen + weight { lower = value }
                if seen <= upperPosition, upperPosition < seen + weight { return (lower + value) / 2 }
                seen += weight
            }
            return .nan
        }
    }

    /// Sets `multiplicities[c]` to the number of times case c occurs in `cases`.
    private mutating func countMultiplicities(_ cases: [Int]) {
        if multiplicities.count == table.caseCount {
            for index in multiplicities.indices { multiplicities[index] = 0 }
        } else {
            multiplicities = [Int32](repeating: 0, count: table.caseCount)
        }
        for index in cases { multiplicities[index] += 1 }
    }

    /// Each team's metric ranks over the ranked metrics, aggregated.
    private func combinedScores(_ ranks: [[Int]]) -> [Double] {
        (0..<table.teamCount).map { team in
            table.method.metricAggregation.apply(table.rankedMetrics.map { Double(ranks[$0][team]) })
        }
    }
}
