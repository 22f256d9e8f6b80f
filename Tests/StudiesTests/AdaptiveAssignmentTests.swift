import Challenge
import Store
import Studies
import Testing

/// Adaptive reading: a third reading only for disputed items, by a reader who has not read them.
@Suite("Adaptive assignment")
struct AdaptiveAssignmentTests {
    static let readers = ["ana", "ben", "chloe", "dev"]
    static let items = (1...40).map { "tile-\($0)" }

    static func firstTwo() throws -> [StudyAssignment] {
        try BlindedAssignment(readers: readers, readsPerItem: 2, seed: 3).plan(items: items)
    }

    @Test func aDisputedItemGetsOneMoreReaderWhoHasNotReadIt() throws {
        let plan = try Self.firstTwo()
        let disputed = ["tile-4", "tile-9", "tile-31"]
        let extra = AdaptiveAssignment.extraReadings(for: disputed, plan: plan, readers: Self.readers)
        #expect(extra.map(\.itemID) == disputed)
        for reading in extra {
            let earlier = plan.filter { $0.itemID == reading.itemID }.map(\.reader)
            #expect(!earlier.contains(reading.reader))
        }
    }

    @Test func extraReadingsGoToTheLeastLoadedReaders() throws {
        let plan = try Self.firstTwo()
        let extra = AdaptiveAssignment.extraReadings(for: Self.items, plan: plan, readers: Self.readers)
        let loads = Dictionary(grouping: plan + extra, by: \.reader).mapValues(\.count)
        #expect(loads.values.max()! - loads.values.min()! <= 1, "\(loads)")
    }

    @Test func extraReadingsGoAtTheEndOfTheReadersLists() throws {
        let plan = try Self.firstTwo()
        let extra = AdaptiveAssignment.extraReadings(for: ["tile-1", "tile-2", "tile-3"], plan: plan, readers: Self.readers)
        for (reader, list) in Dictionary(grouping: plan + extra, by: \.reader) {
            #expect(list.map(\.ordinal).sorted() == Array(0..<list.count), "\(reader)")
        }
        for reading in extra {
            let last = plan.filter { $0.reader == reading.reader }.map(\.ordinal).max()!
            #expect(reading.ordinal > last)
        }
    }

    @Test func anItemEveryReaderHasReadGetsNoMore() throws {
        let plan = try BlindedAssignment(readers: ["ana", "ben"], readsPerItem: 2, seed: 1).plan(items: ["x"]) as [StudyAssignment]
        #expect(AdaptiveAssignment.extraReadings(for: ["x"], plan: plan, readers: ["ana", "ben"]).isEmpty)
    }
}
