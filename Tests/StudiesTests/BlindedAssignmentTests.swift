import Challenge
import Store
import Studies
import Testing

/// Balanced, blinded assignment: k distinct readers per item, loads within one, every pair of readers sharing items.
@Suite("Blinded assignment")
struct BlindedAssignmentTests {
    static let readers = ["ana", "ben", "chloe", "dev", "eli"]
    static let items = (1...53).map { "tile-\($0)" }

    static func plan(k: Int = 2, seed: UInt64 = 7, repeats: HiddenRepeats? = nil) throws -> [StudyAssignment] {
        try BlindedAssignment(readers: readers, readsPerItem: k, seed: seed).plan(items: items, repeats: repeats)
    }

    @Test(arguments: [1, 2, 3, 5])
    func everyItemIsReadByKDistinctReaders(_ k: Int) throws {
        let readersOfItem = Dictionary(grouping: try Self.plan(k: k), by: \.itemID).mapValues { $0.map(\.reader) }
        #expect(readersOfItem.count == Self.items.count)
        for (item, readers) in readersOfItem {
            #expect(readers.count == k, "\(item)")
            #expect(Set(readers).count == k, "\(item) read twice by one reader: \(readers)")
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func readersLoadsDifferByAtMostOne(_ k: Int) throws {
        let loads = Dictionary(grouping: try Self.plan(k: k), by: \.reader).mapValues(\.count)
        #expect(loads.count == Self.readers.count)
        #expect(loads.values.max()! - loads.values.min()! <= 1, "\(loads)")
    }

    @Test func everyPairOfReadersSharesItems() throws {
        let readersOfItem = Dictionary(grouping: try Self.plan(k: 2), by: \.itemID).mapValues { Set($0.map(\.reader)) }
        for a in Self.readers {
            for b in Self.readers where a < b {
                let shared = readersOfItem.values.filter { $0.contains(a) && $0.contains(b) }.count
                // 53 items × 1 pair each over 10 pairs: 5 or 6 apiece when balanced.
                #expect((5...6).contains(shared), "\(a) and \(b) share \(shared) items")
            }
        }
    }

    @Test func eachReadersListIsNumberedFromZeroInOrder() throws {
        for (reader, list) in Dictionary(grouping: try Self.plan(), by: \.reader) {
            #expect(list.map(\.ordinal).sorted() == Array(0..<list.count), "\(reader)")
        }
    }

    @Test func readersMeetTheirItemsInDifferentOrders() throws {
        let k = Self.readers.count
        let orders = Dictionary(grouping: try Self.plan(k: k), by: \.reader).mapValues { $0.sorted { $0.ordinal < $1.ordinal }.map(\.itemID) }
        #expect(Set(orders.values).count == Self.readers.count)
    }

    @Test func theSameSeedGivesTheSamePlanAndAnotherSeedAnother() throws {
        #expect(try Self.plan(seed: 11) == Self.plan(seed: 11))
        #expect(try Self.plan(seed: 11) != Self.plan(seed: 12))
    }

    @Test func hiddenRepeatsComeAfterTheirFirstShowingUnderATransform() throws {
        let repeats = HiddenRepeats(share: 0.2, transforms: [.rotate90, .flipVertical], seed: 5)
        let plan = try Self.plan(repeats: repeats)
        for (reader, list) in Dictionary(grouping: plan, by: \.reader) {
            let firsts = list.filter { !$0.isRepeat }
            let again = list.filter(\.isRepeat)
            #expect(again.count == Int((0.2 * Double(firsts.count)).rounded(.up)), "\(reader)")
            for repeated in again {
                let first = try #require(firsts.first { $0.itemID == repeated.itemID })
                #expect(first.ordinal < repeated.ordinal)
                #expect(["rotate90", "flip-vertical"].contains(repeated.transform!))
            }
            #expect(Set(again.map(\.itemID)).count == again.count, "an item repeated twice for \(reader)")
        }
    }

    @Test func hiddenRepeatsDoNotCountAsReads() throws {
        let plan = try Self.plan(k: 2, repeats: HiddenRepeats(share: 0.5, transforms: [.rotate180], seed: 5))
        let readersOfItem = Dictionary(grouping: plan.filter { !$0.isRepeat }, by: \.itemID)
        #expect(readersOfItem.values.allSatisfy { $0.count == 2 })
    }

    @Test func moreReadsPerItemThanReadersIsRefused() {
        #expect(throws: AssignmentError.tooFewReaders(readsPerItem: 6, readers: 5)) {
            try BlindedAssignment(readers: Self.readers, readsPerItem: 6, seed: 1)
        }
    }

    @Test func aReaderListedTwiceIsRefused() {
        #expect(throws: AssignmentError.duplicateReader("ben")) {
            try BlindedAssignment(readers: ["ana", "ben", "ben"], readsPerItem: 2, seed: 1)
        }
    }

    @Test func anItemListedTwiceIsRefused() throws {
        let assignment = try BlindedAssignment(readers: Self.readers, readsPerItem: 2, seed: 1)
        #expect(throws: AssignmentError.duplicateItem("b")) {
            try assignment.plan(items: ["a", "b", "c", "b"]) as [StudyAssignment]
        }
    }
}
