extension PairwiseSignedRanks {
    /// The rank sums of pair number `pair` when case c occurs `multiplicities[c]` times: the inner loop of
    /// a test-then-rank bootstrap. Branch-free per entry (the sign and the tie-group start are random, so
    /// branches on them would mostly mispredict) and read through unchecked pointers: every case index
    /// in `entries` is below `caseCount`, the length of `multiplicities`, by construction.
    func rankSums(pair: Int, multiplicities: [Int32]) -> SignedRankSums {
        var sums = SignedRankSums()
        var positives = 0
        var negatives = 0
        entries.withUnsafeBufferPointer { entries in
            multiplicities.withUnsafeBufferPointer { multiplicities in
                for entry in entries[offsets[pair]..<offsets[pair + 1]] {
                    if entry & 2 != 0 {
                        // An empty group (all its cases absent from the resample) adds exactly nothing.
                        sums.addTieGroup(positives: positives, negatives: negatives)
                        positives = 0
                        negatives = 0
                    }
                    let weight = Int(multiplicities[Int(entry >> 2)])
                    let negative = Int(entry & 1)
                    negatives &+= weight &* negative
                    positives &+= weight &* (1 &- negative)
                }
            }
        }
        sums.addTieGroup(positives: positives, negatives: negatives)
        return sums
    }
}
