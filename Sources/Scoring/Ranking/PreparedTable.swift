/// A `ScoreTable` turned, for one ranking method, into dense arrays that every resample of a bootstrap
/// reads without touching optionals or dictionaries.
struct PreparedTable: Sendable {
    let teamCount: Int
    let caseCount: Int
    let method: RankingMethod
    let metrics: [Metric]
    /// Indices of the metrics that count towards the final rank.
    let rankedMetrics: [Int]

    init(_ table: ScoreTable, method: RankingMethod) throws(RankingError) {
        if case .testThenRank(let alpha, _) = method.scheme, !(alpha > 0 && alpha < 1) {
            throw .alphaOutOfRange(alpha)
        }
        rankedMetrics = table.metrics.indices.filter { table.metrics[$0].includedInRanking }
        guard !rankedMetrics.isEmpty else { throw .noMetricInRanking }
        teamCount = table.teamCount
        caseCount = table.caseCount
        self.method = method
        metrics = table.metrics.indices.map { Metric(table, metric: $0, scheme: method.scheme) }
    }

    /// The direction of the per-team score a metric's ranking sorts.
    func scoreDirection(_ metric: Int) -> MetricDirection {
        switch method.scheme {
        case .aggregateThenRank: metrics[metric].valueDirection
        case .rankThenAggregate: .lowerIsBetter
        case .testThenRank: .higherIsBetter
        }
    }
}

extension PreparedTable {
    /// One metric, ready for its scheme.
    struct Metric: Sendable {
        /// Row-major `teamCount × caseCount`: values with the worst value for missing ones
        /// (aggregate-then-rank) or per-case ranks (rank-then-aggregate); empty for test-then-rank.
        let matrix: [Double]
        /// For a median: `sortedCases[team * caseCount + k]` is the case of the team's k-th smallest value
        /// in `matrix`, so a resample's median needs only case multiplicities, no sort. Empty otherwise.
        let sortedCases: [Int32]
        /// The sorted pairwise differences (test-then-rank only).
        let pairs: PairwiseSignedRanks?
        /// The direction of the metric's own values.
        let valueDirection: MetricDirection

        init(_ table: ScoreTable, metric: Int, scheme: RankingScheme) {
            valueDirection = table.metrics[metric].direction
            switch scheme {
            case .aggregateThenRank: matrix = table.denseValuesWithWorstForMissing(metric: metric)
            case .rankThenAggregate: matrix = table.denseCaseRanks(metric: metric)
            case .testThenRank: matrix = []
            }
            switch scheme {
            case .aggregateThenRank(.median), .rankThenAggregate(.median):
                sortedCases = Self.sortedCases(matrix, teamCount: table.teamCount, caseCount: table.caseCount)
            default:
                sortedCases = []
            }
            if case .testThenRank = scheme {
                pairs = PairwiseSignedRanks(
                    matrix: table.denseValues(metric: metric), teamCount: table.teamCount, caseCount: table.caseCount)
            } else {
                pairs = nil
            }
        }

        /// Per row of a row-major matrix, the column indices in ascending order of value.
        private static func sortedCases(_ matrix: [Double], teamCount: Int, caseCount: Int) -> [Int32] {
            precondition(caseCount <= Int(Int32.max), "too many cases: \(caseCount)")
            return (0..<teamCount).flatMap { team in
                (0..<caseCount).sorted { matrix[team * caseCount + $0] < matrix[team * caseCount + $1] }.map { Int32($0) }
            }
        }
    }
}
