import Challenge
import Scoring
import Store

/// Balanced, blinded assignment of items to readers.
///
/// - Every item is read by `readsPerItem` distinct readers, and readers' loads differ by at most one.
/// - Among readers of equal load, an item goes to those who have shared the fewest items with its readers so far, so
///   that every pair of readers has items in common: pairwise agreement needs them.
/// - Each reader's list comes in its own random order, so no two readers meet the items in the same sequence.
/// - Blinding itself is the store's: a reader is only ever served their own reads.
public struct BlindedAssignment: Sendable {
    public let readers: [String]
    public let readsPerItem: Int
    public let seed: UInt64

    public init(readers: [String], readsPerItem: Int, seed: UInt64) throws {
        if let twice = readers.firstDuplicate { throw AssignmentError.duplicateReader(twice) }
        guard readsPerItem >= 1, readsPerItem <= readers.count else {
            throw AssignmentError.tooFewReaders(readsPerItem: readsPerItem, readers: readers.count)
        }
        self.readers = readers
        self.readsPerItem = readsPerItem
        self.seed = seed
    }

    /// Every reader's list: first readings, with hidden repeats placed after the item they repeat (drawn with the
    /// repeats' own seed, so changing them leaves the first readings as they were).
    public func plan(items: [String], repeats: HiddenRepeats? = nil) throws -> [StudyAssignment] {
        if let twice = items.firstDuplicate { throw AssignmentError.duplicateItem(twice) }
        var random = SplitMix64(seed: seed)
        var tally = ReadingTally(readerCount: readers.count)
        var lists = [[String]](repeating: [], count: readers.count)
        for item in random.shuffled(items) {
            for reader in tally.chooseReaders(readsPerItem, order: random.shuffled(Array(readers.indices))) {
                lists[reader].append(item)
            }
        }
        let orders = lists.map { random.shuffled($0) }
        var repeatRandom = SplitMix64(seed: UInt64(truncatingIfNeeded: repeats?.seed ?? 0))
        return readers.indices.flatMap { reader in
            let sequence = repeats.map { Self.interleave($0, into: orders[reader], random: &repeatRandom) }
                ?? orders[reader].map { ($0, nil) }
            return sequence.enumerated().map { ordinal, entry in
                StudyAssignment(itemID: entry.0, reader: readers[reader], ordinal: ordinal, transform: entry.1?.rawValue,
                                isRepeat: entry.1 != nil)
            }
        }
    }

    /// `order` with ⌈share·n⌉ of its items shown again, each at a random place after its first showing.
    private static func interleave(
        _ repeats: HiddenRepeats, into order: [String], random: inout SplitMix64
    ) -> [(String, RepeatTransform?)] {
        var sequence: [(String, RepeatTransform?)] = order.map { ($0, nil) }
        let count = order.isEmpty ? 0 : min(order.count, Int((repeats.share * Double(order.count)).rounded(.up)))
        for item in random.shuffled(order).prefix(count) {
            let first = sequence.firstIndex { $0.0 == item && $0.1 == nil }!
            let place = first + 1 + random.next(below: sequence.count - first)
            sequence.insert((item, repeats.transforms[random.next(below: repeats.transforms.count)]), at: place)
        }
        return sequence
    }
}

extension Array where Element: Hashable {
    /// The first element that appears a second time, or nil.
    var firstDuplicate: Element? {
        var seen = Set<Element>()
        return first { !seen.insert($0).inserted }
    }
}
