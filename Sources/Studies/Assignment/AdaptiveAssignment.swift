import Store

/// Adaptive reading: each item is read twice first (a `BlindedAssignment` with two reads per item), and a third time
/// only where the first two disagree, as TissueNet's slides were reviewed.
public enum AdaptiveAssignment {
    /// One more reading for each of the `disputed` items, by the eligible reader (one who has not read the item) with
    /// the fewest first readings, then the fewest items shared with the item's readers, then first in `readers`. Each
    /// goes at the end of that reader's list. An item every reader has read gets none.
    public static func extraReadings(for disputed: [String], plan: [StudyAssignment], readers: [String]) -> [StudyAssignment] {
        let index = Dictionary(uniqueKeysWithValues: readers.enumerated().map { ($1, $0) })
        let firstReadings = plan.filter { !$0.isRepeat }
        var readersOfItem = Dictionary(grouping: firstReadings, by: \.itemID).mapValues { $0.compactMap { index[$0.reader] } }
        var tally = ReadingTally(readerCount: readers.count, groups: readersOfItem.values)
        var nextOrdinal = Dictionary(plan.map { ($0.reader, $0.ordinal + 1) }, uniquingKeysWith: max)
        var extra: [StudyAssignment] = []
        for item in disputed {
            let taken = readersOfItem[item, default: []]
            guard let reader = tally.chooseReaders(1, order: Array(readers.indices), joining: taken).first else { continue }
            let name = readers[reader]
            extra.append(StudyAssignment(itemID: item, reader: name, ordinal: nextOrdinal[name, default: 0]))
            nextOrdinal[name, default: 0] += 1
            readersOfItem[item, default: []].append(reader)
        }
        return extra
    }
}
