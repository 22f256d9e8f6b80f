import Scoring
import Testing

extension AgreementTests {
    @Suite("Reads of a reader study") struct AgreementReadsTests {
        @Test func keepsItemsAndReadersInTheOrderTheyFirstAppear() throws {
            let reads = try AgreementReads(categories: ["a", "b", "c"], reads: [
                ReaderRead(item: "t2", reader: "kim", label: 2), ReaderRead(item: "t1", reader: "ali", label: 0),
                ReaderRead(item: "t2", reader: "ali", label: 1),
            ])
            #expect(reads.itemIDs == ["t2", "t1"])
            #expect(reads.readerIDs == ["kim", "ali"])
            #expect(reads.label(item: 0, reader: 1) == 1)
            #expect(reads.label(item: 1, reader: 0) == nil)
            #expect(reads.readCount(item: 0) == 2)
        }

        @Test func rejectsALabelOutsideTheCategories() {
            #expect(throws: AgreementError.labelOutOfRange(item: "t1", reader: "kim", label: 3, categoryCount: 3)) {
                try AgreementReads(categories: ["a", "b", "c"], reads: [ReaderRead(item: "t1", reader: "kim", label: 3)])
            }
            #expect(throws: AgreementError.labelOutOfRange(item: "1", reader: "0", label: -1, categoryCount: 2)) {
                try AgreementReads(categories: ["a", "b"], rows: [[0, 1], [-1, 1]])
            }
        }

        @Test func rejectsAReaderReadingAnItemTwice() {
            #expect(throws: AgreementError.duplicateRead(item: "t1", reader: "kim", firstLabel: 0, secondLabel: 2)) {
                try AgreementReads(categories: ["a", "b", "c"], reads: [
                    ReaderRead(item: "t1", reader: "kim", label: 0), ReaderRead(item: "t0", reader: "kim", label: 1),
                    ReaderRead(item: "t1", reader: "kim", label: 2),
                ])
            }
        }

        @Test func rejectsRowsOfDifferentWidths() {
            #expect(throws: AgreementError.readerCountMismatch(item: 1, count: 3, expected: 2)) {
                try AgreementReads(categories: ["a", "b"], rows: [[0, 1], [1, 1, 0]])
            }
        }

        @Test func rejectsAStudyWithoutCategories() {
            #expect(throws: AgreementError.noCategories) { try AgreementReads(categories: [], reads: []) }
        }

        @Test func errorMessagesNameTheOffendingValue() {
            let error = AgreementError.labelOutOfRange(item: "t1", reader: "kim", label: 7, categoryCount: 4)
            #expect(error.description == "item \"t1\", reader \"kim\": label 7 is not a category index in 0..<4")
        }
    }
}
