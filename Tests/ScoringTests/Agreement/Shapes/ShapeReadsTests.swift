import Scoring
import Testing

extension AgreementTests {
    @Suite("Shape reads") struct ShapeReadsTests {
        @Test func keepsItemsAndReadersInOrderOfFirstAppearance() throws {
            let reads = try ShapeReads([
                ShapeRead(item: "t2", reader: "b"), ShapeRead(item: "t1", reader: "a"), ShapeRead(item: "t2", reader: "a"),
            ])
            #expect(reads.itemIDs == ["t2", "t1"] && reads.readerIDs == ["b", "a"])
            #expect(reads.readers(of: 0) == [0, 1] && reads.readers(of: 1) == [1])
        }

        @Test func listsTheClassesOfPolygonsAndOfPointsOnce() throws {
            let reads = try ShapeReads([
                ShapeRead(item: "t1", reader: "a", polygons: [rectangle(0, 0, 1, 1, className: "stroma")], points: [point(0, 0)]),
                ShapeRead(item: "t1", reader: "b", polygons: [rectangle(0, 0, 1, 1), rectangle(0, 0, 1, 1, className: "stroma")]),
            ])
            #expect(reads.polygonClassNames == ["stroma", "tumour"] && reads.pointClassNames == ["cell"])
        }

        @Test func refusesTheSameReaderReadingAnItemTwice() {
            #expect(throws: AgreementError.duplicateShapeRead(item: "t", reader: "a")) {
                try ShapeReads([ShapeRead(item: "t", reader: "a"), ShapeRead(item: "t", reader: "a", points: [point(0, 0)])])
            }
        }
    }
}
