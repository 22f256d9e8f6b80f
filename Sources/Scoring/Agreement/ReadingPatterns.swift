/// The distinct rows of a study's label table, computed once, so that every statistic on any multiset of items (all
/// of them, or one bootstrap resample) is a sum over patterns weighted by how often each occurs.
///
/// Three readers and four classes give at most 5³ = 125 patterns however many items there are, so a resample costs
/// one pass over its item indices (a histogram) plus a few operations per pattern, never a pass over the reads.
struct ReadingPatterns: Sendable {
    let readerCount: Int
    let categoryCount: Int
    /// `labels[pattern * readerCount + reader]`: a category index, or −1.
    let labels: [Int32]
    /// `categoryCounts[pattern * categoryCount + category]`: how many readers chose the category.
    let categoryCounts: [Int]
    /// Per pattern, the number of reads.
    let readCounts: [Int]
    /// Per item, its pattern.
    let itemPatterns: [Int32]

    init(_ reads: AgreementReads) {
        readerCount = reads.readerCount
        categoryCount = reads.categoryCount
        var index: [ArraySlice<Int32>: Int32] = [:]
        var labels: [Int32] = []
        var itemPatterns: [Int32] = []
        itemPatterns.reserveCapacity(reads.itemCount)
        for item in 0..<reads.itemCount {
            let row = reads.labels[(item * readerCount)..<((item + 1) * readerCount)]
            if let pattern = index[row] {
                itemPatterns.append(pattern)
            } else {
                let pattern = Int32(index.count)
                index[row] = pattern
                labels.append(contentsOf: row)
                itemPatterns.append(pattern)
            }
        }
        self.labels = labels
        self.itemPatterns = itemPatterns
        let patternCount = index.count
        var categoryCounts = [Int](repeating: 0, count: patternCount * categoryCount)
        var readCounts = [Int](repeating: 0, count: patternCount)
        for pattern in 0..<patternCount {
            for reader in 0..<readerCount where labels[pattern * readerCount + reader] >= 0 {
                categoryCounts[pattern * categoryCount + Int(labels[pattern * readerCount + reader])] += 1
                readCounts[pattern] += 1
            }
        }
        self.categoryCounts = categoryCounts
        self.readCounts = readCounts
    }

    var patternCount: Int { readCounts.count }

    /// How often each pattern occurs among `items` (repeats counted).
    func multiplicities(items: [Int]) -> [Int] {
        var counts = [Int](repeating: 0, count: patternCount)
        itemPatterns.withUnsafeBufferPointer { patterns in
            for item in items { counts[Int(patterns[item])] += 1 }
        }
        return counts
    }

    /// How often each pattern occurs among all items.
    var allItems: [Int] {
        var counts = [Int](repeating: 0, count: patternCount)
        for pattern in itemPatterns { counts[Int(pattern)] += 1 }
        return counts
    }

    /// The label of `reader` in `pattern`, or −1.
    func label(pattern: Int, reader: Int) -> Int {
        Int(labels[pattern * readerCount + reader])
    }

    /// How many of the pattern's readers chose `category`.
    func count(pattern: Int, category: Int) -> Int {
        categoryCounts[pattern * categoryCount + category]
    }
}
