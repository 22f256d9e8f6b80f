/// Pairwise shape agreement of a reader study: per item, every pair of its readers; the mean per item, per pair of
/// readers and over items.
///
/// Each item weighs the same in the overall mean whatever its number of reads (as `PercentAgreement`), and items
/// read fewer than twice are left out of it.
public struct ShapeAgreement: Sendable, Equatable {
    /// The pairs of one item.
    public struct Item: Sendable, Equatable {
        /// The item, an index into `itemIDs`.
        public let item: Int
        /// Every pair of the item's readers (a < b in reader order); empty when it was read fewer than twice.
        public let pairs: [OverlapCounts]

        /// The mean Dice or F1 of the pairs; NaN when there is none.
        public var mean: Double {
            guard !pairs.isEmpty else { return .nan }
            var sum = CompensatedSum()
            for pair in pairs { sum.add(pair.value) }
            return sum.value / Double(pairs.count)
        }
    }

    /// What was measured.
    public let statistic: ShapeStatistic
    /// The items, as `ShapeReads.itemIDs`.
    public let itemIDs: [String]
    /// The readers, as `ShapeReads.readerIDs`.
    public let readerIDs: [String]
    /// One entry per item, in item order.
    public let items: [Item]

    /// The mean over the items read at least twice of each item's mean; NaN when no item was.
    public var mean: Double { Self.mean(of: items.map(\.mean), multiplicities: nil) }

    /// Every pair of readers who read at least one item in common, with their mean over those items, in reader order.
    public var pairMeans: [ReaderPairMean] {
        var sums: [Int: (sum: CompensatedSum, count: Int)] = [:]
        for item in items {
            for pair in item.pairs {
                let key = pair.readerA * readerIDs.count + pair.readerB
                var entry = sums[key] ?? (CompensatedSum(), 0)
                entry.sum.add(pair.value)
                entry.count += 1
                sums[key] = entry
            }
        }
        return sums.keys.sorted().map { key in
            let entry = sums[key]!
            return ReaderPairMean(
                readerA: key / readerIDs.count, readerB: key % readerIDs.count, itemCount: entry.count,
                mean: entry.sum.value / Double(entry.count))
        }
    }

    /// The mean of the defined values of `itemMeans`, item i counted `multiplicities[i]` times (once each when nil).
    static func mean(of itemMeans: [Double], multiplicities: [Int]?) -> Double {
        var sum = CompensatedSum()
        var count = 0
        for (index, value) in itemMeans.enumerated() where !value.isNaN {
            let weight = multiplicities?[index] ?? 1
            guard weight > 0 else { continue }
            sum.add(Double(weight) * value)
            count += weight
        }
        return count == 0 ? .nan : sum.value / Double(count)
    }

    /// The agreement of every pair of readers of every item: `counts(item, pairs)` gives the counts of the item's
    /// pairs of readers (a < b in reader order), in the order given.
    static func pairwise(
        _ reads: ShapeReads, statistic: ShapeStatistic,
        counts: (_ item: Int, _ pairs: [(readerA: Int, readerB: Int)]) -> [OverlapCounts]
    ) -> ShapeAgreement {
        let items = (0..<reads.itemCount).map { item in
            let readers = reads.readers(of: item)
            var pairs: [(readerA: Int, readerB: Int)] = []
            for (position, a) in readers.enumerated() {
                for b in readers[(position + 1)...] { pairs.append((a, b)) }
            }
            return Item(item: item, pairs: pairs.isEmpty ? [] : counts(item, pairs))
        }
        return ShapeAgreement(statistic: statistic, itemIDs: reads.itemIDs, readerIDs: reads.readerIDs, items: items)
    }
}
