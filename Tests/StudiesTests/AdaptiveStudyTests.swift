import Scoring
import Store
import Studies
import Testing

/// A whole adaptive study, read to the end by simulated readers through `ReaderStudy.save`.
@Suite("Adaptive study")
struct AdaptiveStudyTests {
    static let readers = ["ana", "ben", "cleo", "dev"]

    static func yaml(items: Int) -> String {
        let regions = (1...items).map { "    - { id: r\($0), slide: s1.svs, box: [\($0 * 512), 0, 512, 512] }" }.joined(separator: "\n")
        return """
            slug: grading
            title: Grading
            items:
              regions:
            \(regions)
            questions:
              label: { classes: challenge }
            readers: [\(readers.joined(separator: ", "))]
            adjudicators: [ada]
            reads-per-item: 3
            assignment: adaptive
            truth: { consensus: majority, min-reads: 2 }
            """
    }

    /// Readers take turns, each reading their next assignment, until nobody has one: each is right 70% of the time
    /// about a hidden label, and otherwise picks another class.
    static func readToTheEnd(_ fixture: StudyFixture, seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var truth: [String: Int] = [:]
        var offset = 10.0
        while true {
            var anyRead = false
            for reader in readers {
                guard let next = try fixture.store.progress(of: reader, in: fixture.study.study).next else { continue }
                let item = next.assignment.itemID
                let hidden = truth[item] ?? random.next(below: 3)
                truth[item] = hidden
                let label = random.next(below: 10) < 7 ? hidden : (hidden + 1 + random.next(below: 2)) % 3
                try fixture.read(item, by: reader, label: "\(label)", at: offset)
                offset += 1
                anyRead = true
            }
            if !anyRead { return }
        }
    }

    @Test func everyItemEndsWithTwoOrThreeReadsNeverTwiceByOneReader() throws {
        let fixture = try StudyFixture(yaml: Self.yaml(items: 30))
        try Self.readToTheEnd(fixture, seed: 19)
        let assignments = try Self.readers.flatMap { try fixture.store.progress(of: $0, in: fixture.study.study).assignments }
        let unread = assignments.filter { !$0.isRead }
        #expect(unread.isEmpty)
        let readersByItem = Dictionary(grouping: assignments.map(\.assignment), by: \.itemID).mapValues { $0.map(\.reader) }
        #expect(readersByItem.count == 30)
        for (item, readers) in readersByItem {
            #expect((2...3).contains(readers.count), "\(item): \(readers)")
            #expect(Set(readers).count == readers.count, "\(item) assigned twice to one reader: \(readers)")
        }
        let reads = Dictionary(grouping: try fixture.study.latestPlainReads(), by: \.itemID)
        for (item, itemReads) in reads {
            let firstTwo = itemReads.sorted { $0.id < $1.id }.prefix(2)
            let disagreed = Set(firstTwo.compactMap(\.label)).count == 2
            #expect(itemReads.count == (disagreed ? 3 : 2), "\(item): \(itemReads.map { "\($0.reader) \($0.label ?? "-")" })")
        }
        // The simulation is only a test of stopping if both endings happen.
        let counts = Set(readersByItem.values.map(\.count))
        #expect(counts == [2, 3], "\(counts)")
    }
}
