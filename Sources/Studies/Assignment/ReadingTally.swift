/// How many items each reader has, and how many each pair of readers share, while an assignment is built.
struct ReadingTally {
    private(set) var loads: [Int]
    private var shared: [[Int]]

    init(readerCount: Int) {
        loads = Array(repeating: 0, count: readerCount)
        shared = Array(repeating: Array(repeating: 0, count: readerCount), count: readerCount)
    }

    /// The tally of an assignment already made: `groups` holds each item's readers.
    init(readerCount: Int, groups: some Sequence<[Int]>) {
        self.init(readerCount: readerCount)
        for group in groups { record(group, joining: []) }
    }

    /// Picks `count` distinct readers one at a time: least loaded first, then fewest items shared with those already
    /// picked, then first in `order` (the caller's random tie-break). Readers in `taken` already read the item and are
    /// not picked again; fewer than `count` come back when too few remain. Records the picks.
    mutating func chooseReaders(_ count: Int, order: [Int], joining taken: [Int] = []) -> [Int] {
        var chosen = taken
        for _ in 0..<count {
            guard let next = order.filter({ !chosen.contains($0) }).min(by: { a, b in
                (loads[a], sharedCount(a, with: chosen)) < (loads[b], sharedCount(b, with: chosen))
            }) else { break }
            chosen.append(next)
        }
        let picked = Array(chosen.dropFirst(taken.count))
        record(picked, joining: taken)
        return picked
    }

    private func sharedCount(_ reader: Int, with others: [Int]) -> Int {
        others.reduce(0) { $0 + shared[reader][$1] }
    }

    private mutating func record(_ picked: [Int], joining taken: [Int]) {
        var before = taken
        for reader in picked {
            loads[reader] += 1
            for other in before {
                shared[reader][other] += 1
                shared[other][reader] += 1
            }
            before.append(reader)
        }
    }
}
