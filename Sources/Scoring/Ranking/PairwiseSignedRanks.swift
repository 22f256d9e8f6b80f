/// For one metric, the non-zero differences x_i − x_j of every pair of teams i < j, over the cases where
/// both have a value, sorted by |d| once. A resample's Wilcoxon rank sums then need only how often each
/// case occurs in it, not a sort per pair and resample: the difference that turns a test-then-rank
/// bootstrap from hours into seconds. Memory: 4 bytes × T(T−1)/2 × cases (30 MB for 100 × 1,500).
struct PairwiseSignedRanks: Sendable {
    let teamCount: Int
    /// Pair number p (pairs enumerated i = 0..<T, j = i+1..<T) owns `entries[offsets[p]..<offsets[p + 1]]`.
    let offsets: [Int]
    /// `case << 2 | startsTieGroup << 1 | isNegative`, in ascending |d| order within a pair.
    let entries: [UInt32]

    /// - Parameter matrix: row-major `teamCount × caseCount` values, NaN where missing.
    init(matrix: [Double], teamCount: Int, caseCount: Int) {
        precondition(caseCount < 1 << 30, "too many cases for 30-bit case indices: \(caseCount)")
        self.teamCount = teamCount
        var offsets = [0]
        var entries: [UInt32] = []
        var keyed: [(key: UInt64, case: Int)] = []
        for first in 0..<teamCount {
            for second in (first + 1)..<teamCount {
                keyed.removeAll(keepingCapacity: true)
                for index in 0..<caseCount {
                    let difference = matrix[first * caseCount + index] - matrix[second * caseCount + index]
                    if !difference.isNaN, difference != 0 { keyed.append((SignedRankSums.key(difference), index)) }
                }
                keyed.sort { $0.key < $1.key }
                for (position, item) in keyed.enumerated() {
                    let startsGroup = position == 0 || keyed[position - 1].key >> 1 != item.key >> 1
                    entries.append(UInt32(item.case) << 2 | (startsGroup ? 2 : 0) | UInt32(item.key & 1))
                }
                offsets.append(entries.count)
            }
        }
        self.offsets = offsets
        self.entries = entries
    }
}
