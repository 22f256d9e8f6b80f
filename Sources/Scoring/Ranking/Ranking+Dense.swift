extension Ranking {
    /// Rank 1 for the best score, tied scores sharing the smallest rank of the tie (1, 2, 2, 4):
    /// `result[i]` is one more than the number of scores strictly better than `scores[i]`.
    /// Scores must not be NaN.
    public static func minimumRanks(_ scores: [Double], direction: MetricDirection) -> [Int] {
        let order = scores.indices.sorted { direction.prefers(scores[$0], over: scores[$1]) }
        var ranks = [Int](repeating: 0, count: scores.count)
        for (position, index) in order.enumerated() {
            if position > 0, scores[order[position - 1]] == scores[index] {
                ranks[index] = ranks[order[position - 1]]
            } else {
                ranks[index] = position + 1
            }
        }
        return ranks
    }
}
