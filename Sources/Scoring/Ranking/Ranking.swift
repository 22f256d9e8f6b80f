/// Turning scores into ranks.
public enum Ranking {
    /// Rank 1 for the best score; tied scores share the smallest rank of the tie (1, 2, 2, 4).
    /// Entries without a score get no rank.
    public static func minimumRanks<Key: Hashable>(_ scores: [Key: Double?], direction: MetricDirection) -> [Key: Int] {
        let ranked = scores.compactMap { key, value in value.map { (key, $0) } }
            .sorted { direction.prefers($0.1, over: $1.1) }
        var ranks: [Key: Int] = [:]
        for (position, entry) in ranked.enumerated() {
            if position > 0, ranked[position - 1].1 == entry.1 {
                ranks[entry.0] = ranks[ranked[position - 1].0]
            } else {
                ranks[entry.0] = position + 1
            }
        }
        return ranks
    }
}
