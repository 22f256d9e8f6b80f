/// Kendall's rank correlation τ-b, which accounts for ties in either ranking, computed as
/// `scipy.stats.kendalltau(x, y)` (default variant "b") does, in O(n log n) (Knight's algorithm).
///
/// τ-b = (n_c − n_d) / √(n₀ − n_x) / √(n₀ − n_y) with n₀ = n(n−1)/2 pairs, n_x and n_y the pairs tied in
/// x and in y; the two divisions are kept separate as in SciPy, so a perfect reversal of 5 items gives
/// −0.9999999999999999, not −1. NaN when fewer than two items or when either ranking is constant.
public enum KendallTau {
    /// τ-b of two samples of equal length.
    public static func tauB(_ x: [Double], _ y: [Double]) throws(StatisticsError) -> Double {
        guard x.count == y.count else { throw .lengthMismatch(first: x.count, second: y.count) }
        try StatisticsError.requireFinite(x, sample: "x")
        try StatisticsError.requireFinite(y, sample: "y")
        return tauB(validated: x, y)
    }

    /// τ-b of two rankings (or any totally ordered values) of equal length.
    static func tauB<Value: Comparable>(validated x: [Value], _ y: [Value]) -> Double {
        let count = x.count
        guard count >= 2 else { return .nan }
        let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && y[$0] < y[$1]) }
        let xTies = tiedPairs(count) { x[order[$0]] == x[order[$0 - 1]] }
        let jointTies = tiedPairs(count) { x[order[$0]] == x[order[$0 - 1]] && y[order[$0]] == y[order[$0 - 1]] }
        let sortedY = y.sorted()
        let yTies = tiedPairs(count) { sortedY[$0] == sortedY[$0 - 1] }
        var sequence = order.map { y[$0] }
        let discordant = InversionCount.count(&sequence)
        let total = count * (count - 1) / 2
        if xTies == total || yTies == total { return .nan }
        let concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant
        let tau =
            Double(concordantMinusDiscordant) / Double(total - xTies).squareRoot()
            / Double(total - yTies).squareRoot()
        return Swift.min(1, Swift.max(-1, tau))
    }

    /// Σ t(t−1)/2 over runs of consecutive equal items, where `continuesRun(i)` says item i equals item i−1.
    private static func tiedPairs(_ count: Int, continuesRun: (Int) -> Bool) -> Int {
        var pairs = 0
        var run = 1
        for index in 1..<count {
            if continuesRun(index) {
                run += 1
            } else {
                pairs += run * (run - 1) / 2
                run = 1
            }
        }
        return pairs + run * (run - 1) / 2
    }
}
