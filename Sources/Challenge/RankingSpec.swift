import Scoring

/// How a phase ranks teams, fixed before it opens (a later change must be forced and is recorded).
public struct RankingSpec: Sendable, Equatable, Codable {
    public enum Scheme: String, Sendable, Codable, CaseIterable {
        /// Aggregate each team's per-case values (mean or median), then rank the aggregates.
        case aggregateThenRank = "aggregate-then-rank"
        /// Rank the teams within each case, then aggregate each team's ranks.
        case rankThenAggregate = "rank-then-aggregate"
        /// A team's score is the share of other teams it beats significantly (one-sided Wilcoxon, alpha 0.05).
        case testThenRank = "test-then-rank"
    }

    public var scheme: Scheme
    /// How per-case values (or per-case ranks) are aggregated.
    public var aggregation: Aggregation
    /// Result-column keys that rank, in order; empty means the primary metric alone. Other columns are shown only.
    public var metrics: [String]
    /// With several metrics: how each team's per-metric ranks are combined (grand-challenge's "avg"/"med").
    public var metricAggregation: Aggregation
    public var bootstrapResamples: Int
    public var bootstrapSeed: UInt64

    public init(scheme: Scheme = .aggregateThenRank, aggregation: Aggregation = .mean, metrics: [String] = [],
                metricAggregation: Aggregation = .mean, bootstrapResamples: Int = 1000, bootstrapSeed: UInt64 = 20_181_206) {
        self.scheme = scheme
        self.aggregation = aggregation
        self.metrics = metrics
        self.metricAggregation = metricAggregation
        self.bootstrapResamples = bootstrapResamples
        self.bootstrapSeed = bootstrapSeed
    }

    /// Mean of the primary metric's values, ranked: what a phase without a `ranking` section uses.
    public static let standard = RankingSpec()

    /// Whether ranks come from the stored aggregates of the primary metric (true) or must be computed
    /// from per-case values.
    public var usesStoredAggregates: Bool {
        scheme == .aggregateThenRank && aggregation == .mean && metrics.count <= 1
    }

    /// The Scoring method for this rule.
    public var method: RankingMethod {
        let scheme: RankingScheme = switch self.scheme {
        case .aggregateThenRank: .aggregateThenRank(aggregation)
        case .rankThenAggregate: .rankThenAggregate(aggregation)
        case .testThenRank: .testThenRank()
        }
        return RankingMethod(scheme: scheme, metricAggregation: metricAggregation)
    }
}

extension PhaseSpec {
    /// The phase's ranking rule (the standard one when the spec gives none).
    public var rankingRule: RankingSpec { ranking ?? .standard }
}

extension RankingSpec {
    /// One line for the audit log, such as `rank-then-aggregate (mean) of auroc+dice`.
    public var summary: String {
        let metrics = metrics.isEmpty ? "primary metric" : metrics.joined(separator: "+")
        return "\(scheme.rawValue) (\(aggregation.rawValue)) of \(metrics)"
    }
}
