/// Ranking inputs that cannot be ranked, each with the offending value and where it sits.
public enum RankingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A table needs at least one metric.
    case noMetrics
    /// A metric has no team.
    case noTeams(metric: String)
    /// A metric has no case.
    case noCases(metric: String)
    /// A metric has a different number of teams than the first metric.
    case teamCountMismatch(metric: String, count: Int, expected: Int)
    /// A team's row has a different number of cases than the first row of the first metric.
    case caseCountMismatch(metric: String, team: Int, count: Int, expected: Int)
    /// A NaN or infinite value (use nil for a missing one).
    case notFinite(metric: String, team: Int, case: Int, value: Double)
    /// A metric without a single value has no worst value to stand in for the missing ones.
    case noObservedValue(metric: String)
    /// Every metric is excluded from the ranking.
    case noMetricInRanking
    /// A significance level outside (0, 1).
    case alphaOutOfRange(Double)
    /// A team index outside the table.
    case teamOutOfRange(team: Int, teamCount: Int)
    /// A metric index outside the table.
    case metricOutOfRange(metric: Int, metricCount: Int)
    /// A bootstrap needs at least one resample.
    case noResamples(Int)
    /// A resample of an explicit plan without cases.
    case emptyResample(resample: Int)
    /// A case index of an explicit plan outside the table.
    case caseIndexOutOfRange(resample: Int, position: Int, index: Int, caseCount: Int)

    public var description: String {
        switch self {
        case .noMetrics: "a score table needs at least one metric"
        case .noTeams(let metric): "metric \"\(metric)\" has no team"
        case .noCases(let metric): "metric \"\(metric)\" has no case"
        case .teamCountMismatch(let metric, let count, let expected):
            "metric \"\(metric)\" has \(count) teams, expected \(expected)"
        case .caseCountMismatch(let metric, let team, let count, let expected):
            "metric \"\(metric)\", team \(team): \(count) cases, expected \(expected)"
        case .notFinite(let metric, let team, let index, let value):
            "metric \"\(metric)\", team \(team), case \(index): expected a finite number or nil, got \(value)"
        case .noObservedValue(let metric): "metric \"\(metric)\" has no value for any team and case"
        case .noMetricInRanking: "every metric is excluded from the ranking"
        case .alphaOutOfRange(let alpha): "significance level must lie in (0, 1), got \(alpha)"
        case .teamOutOfRange(let team, let count): "team \(team) is outside 0..<\(count)"
        case .metricOutOfRange(let metric, let count): "metric \(metric) is outside 0..<\(count)"
        case .noResamples(let count): "a bootstrap needs at least one resample, got \(count)"
        case .emptyResample(let resample): "resample \(resample) of the plan has no case"
        case .caseIndexOutOfRange(let resample, let position, let index, let caseCount):
            "resample \(resample), position \(position): case index \(index) is outside 0..<\(caseCount)"
        }
    }
}
