/// Per-case values of one or more metrics for the same teams and the same cases: what a leaderboard
/// ranks. Teams and cases are positions; callers keep their names.
public struct ScoreTable: Sendable, Equatable {
    /// Number of teams (rows of every metric).
    public let teamCount: Int
    /// Number of cases (columns of every metric).
    public let caseCount: Int
    /// The metrics, in display order.
    public let metrics: [MetricScores]

    /// Checks that the metrics are rectangular, of one shape, finite where present, and that each has
    /// at least one value.
    public init(metrics: [MetricScores]) throws(RankingError) {
        guard let first = metrics.first else { throw .noMetrics }
        guard let firstRow = first.values.first else { throw .noTeams(metric: first.name) }
        guard !firstRow.isEmpty else { throw .noCases(metric: first.name) }
        for metric in metrics {
            try Self.validate(metric, teamCount: first.values.count, caseCount: firstRow.count)
        }
        self.metrics = metrics
        teamCount = first.values.count
        caseCount = firstRow.count
    }

    private static func validate(_ metric: MetricScores, teamCount: Int, caseCount: Int) throws(RankingError) {
        guard metric.values.count == teamCount else {
            throw .teamCountMismatch(metric: metric.name, count: metric.values.count, expected: teamCount)
        }
        var observed = false
        for (team, row) in metric.values.enumerated() {
            guard row.count == caseCount else {
                throw .caseCountMismatch(metric: metric.name, team: team, count: row.count, expected: caseCount)
            }
            for (index, value) in row.enumerated() {
                guard let value else { continue }
                guard value.isFinite else { throw .notFinite(metric: metric.name, team: team, case: index, value: value) }
                observed = true
            }
        }
        guard observed else { throw .noObservedValue(metric: metric.name) }
    }
}
