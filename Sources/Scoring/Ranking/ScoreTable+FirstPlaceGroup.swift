extension ScoreTable {
    /// The first-place group of metric `metric` around team `reference`.
    public func firstPlaceGroup(metric: Int, reference: Int, alpha: Double = 0.05) throws(RankingError) -> FirstPlaceGroup {
        guard metrics.indices.contains(metric) else { throw .metricOutOfRange(metric: metric, metricCount: metrics.count) }
        guard (0..<teamCount).contains(reference) else { throw .teamOutOfRange(team: reference, teamCount: teamCount) }
        guard alpha > 0, alpha < 1 else { throw .alphaOutOfRange(alpha) }
        let matrix = denseValues(metric: metric)
        let alternative: TestAlternative = metrics[metric].direction == .higherIsBetter ? .greater : .less
        let others = (0..<teamCount).filter { $0 != reference }
        var keys: [UInt64] = []
        let raw = others.map { team in
            TestThenRank.rankSums(
                matrix, caseCount: caseCount, first: reference, second: team, keys: &keys
            ).normalApproximation(alternative).pValue
        }
        let adjusted = HolmAdjustment.adjustValidated(raw)
        var pValues = [Double?](repeating: nil, count: teamCount)
        var adjustedPValues = [Double?](repeating: nil, count: teamCount)
        var members = [Bool](repeating: true, count: teamCount)
        for (position, team) in others.enumerated() where !raw[position].isNaN {
            pValues[team] = raw[position]
            adjustedPValues[team] = adjusted[position]
            members[team] = adjusted[position] > alpha
        }
        return FirstPlaceGroup(
            reference: reference, alpha: alpha, pValues: pValues, adjustedPValues: adjustedPValues, members: members)
    }

    /// The first-place group of every metric (excluded ones too) around the leader of `outcome`.
    public func firstPlaceGroups(following outcome: RankingOutcome, alpha: Double = 0.05) throws(RankingError)
        -> [FirstPlaceGroup]
    {
        var groups: [FirstPlaceGroup] = []
        for metric in metrics.indices {
            groups.append(try firstPlaceGroup(metric: metric, reference: outcome.leader, alpha: alpha))
        }
        return groups
    }
}
