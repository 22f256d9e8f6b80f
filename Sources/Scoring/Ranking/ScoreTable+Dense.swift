extension ScoreTable {
    /// Metric `metric` as a row-major `teamCount × caseCount` matrix with NaN for a missing value
    /// (the table holds finite values only, so NaN is unambiguous).
    func denseValues(metric: Int) -> [Double] {
        metrics[metric].values.flatMap { row in row.map { $0 ?? .nan } }
    }

    /// `denseValues` with every missing value replaced by the worst value observed for the metric over all
    /// teams and cases: the minimum if higher is better, the maximum if lower is better.
    func denseValuesWithWorstForMissing(metric: Int) -> [Double] {
        let dense = denseValues(metric: metric)
        let observed = dense.filter { !$0.isNaN }
        let worst = metrics[metric].direction == .higherIsBetter ? observed.min() : observed.max()
        return dense.map { $0.isNaN ? worst ?? .nan : $0 }
    }

    /// Row-major `teamCount × caseCount` ranks of the teams within each case (ties share the smallest
    /// rank); teams without a value share rank (number of teams with a value) + 1.
    func denseCaseRanks(metric: Int) -> [Double] {
        let direction = metrics[metric].direction
        var ranks = [Double](repeating: 0, count: teamCount * caseCount)
        for index in 0..<caseCount {
            let present = metrics[metric].values.indices.compactMap { team in
                metrics[metric].values[team][index].map { (team: team, value: $0) }
            }
            let presentRanks = Ranking.minimumRanks(present.map(\.value), direction: direction)
            for team in 0..<teamCount { ranks[team * caseCount + index] = Double(present.count + 1) }
            for (entry, rank) in zip(present, presentRanks) { ranks[entry.team * caseCount + index] = Double(rank) }
        }
        return ranks
    }
}
