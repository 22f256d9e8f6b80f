import Geometry
import Scoring
import Testing

extension AgreementTests {
    @Suite("Polygon Dice between readers") struct PolygonDiceTests {
        let grid = try! ItemGrid(originX: 0, originY: 0, width: 8, height: 8)

        @Test func identicalPolygonsGiveOne() {
            let counts = PolygonDice.counts([rectangle(1, 1, 5, 6)], [rectangle(1, 1, 5, 6)], grid: grid)
            #expect(counts.shared == 20 && counts.countA == 20 && counts.countB == 20)
            #expect(counts.value == 1)
        }

        @Test func disjointPolygonsGiveZero() {
            #expect(PolygonDice.counts([rectangle(0, 0, 3, 3)], [rectangle(4, 4, 8, 8)], grid: grid).value == 0)
        }

        @Test func halfOverlappingSquaresGiveTheRatioOfCells() {
            // 16 and 16 cells sharing 8: 2 * 8 / 32.
            #expect(PolygonDice.counts([rectangle(0, 0, 4, 4)], [rectangle(2, 0, 6, 4)], grid: grid).value == 0.5)
        }

        @Test func twoEmptyReadsAgreeFully() {
            let counts = PolygonDice.counts([], [], grid: grid)
            #expect(counts.countA == 0 && counts.countB == 0 && counts.value == 1)
        }

        @Test func anEmptyReadAgainstAShapeGivesZero() {
            #expect(PolygonDice.counts([], [rectangle(1, 1, 3, 3)], grid: grid).value == 0)
        }

        @Test func aReadersPolygonsAreUnitedBeforeComparing() {
            // Two overlapping rectangles of one reader cover the same 24 cells as the other reader's one.
            let counts = PolygonDice.counts([rectangle(0, 0, 4, 4), rectangle(2, 0, 6, 4)], [rectangle(0, 0, 6, 4)], grid: grid)
            #expect(counts.countA == 24 && counts.value == 1)
        }

        @Test func aClassComparesOnlyThatClassesPolygons() {
            let a = [rectangle(0, 0, 4, 4, className: "tumour"), rectangle(4, 4, 8, 8, className: "stroma")]
            let b = [rectangle(0, 0, 4, 4, className: "tumour"), rectangle(0, 4, 4, 8, className: "stroma")]
            #expect(PolygonDice.counts(a, b, grid: grid, className: "tumour").value == 1)
            #expect(PolygonDice.counts(a, b, grid: grid, className: "stroma").value == 0)
            #expect(PolygonDice.counts(a, b, grid: grid).value == 0.5)
        }

        @Test func aCentreOnALeftEdgeIsOutsideAndOnARightEdgeInside() {
            // Centres of row 0 at x = 0.5, 1.5, 2.5: the edge x = 0.5 leaves its cell out, the edge x = 2.5 keeps it.
            let counts = PolygonDice.counts([rectangle(0.5, 0, 2.5, 1)], [rectangle(1, 0, 3, 1)], grid: grid)
            #expect(counts.countA == 2 && counts.shared == 2)
        }

        @Test func aCentreOnATopEdgeIsInsideAndOnABottomEdgeOutside() {
            // Centres of column 0 at y = 0.5, 1.5, 2.5: the top edge y = 0.5 keeps its cell, the bottom edge y = 2.5 not.
            let counts = PolygonDice.counts([rectangle(0, 0.5, 1, 2.5)], [rectangle(0, 0, 1, 2)], grid: grid)
            #expect(counts.countA == 2 && counts.shared == 2)
        }

        @Test func theGridsOriginMovesTheShapesOntoIt() throws {
            let moved = try ItemGrid(originX: 1000, originY: 2000, width: 8, height: 8)
            let counts = PolygonDice.counts([rectangle(1001, 2001, 1005, 2006)], [rectangle(1001, 2001, 1003, 2006)], grid: moved)
            #expect(counts.countA == 20 && counts.countB == 10)
        }

        @Test func aLevelCountsCellsOfItsSize() throws {
            let coarse = try ItemGrid(originX: 0, originY: 0, width: 8, height: 8, level: 1)
            #expect(coarse.columns == 4 && coarse.rows == 4)
            #expect(PolygonDice.counts([rectangle(0, 0, 4, 4)], [], grid: coarse).countA == 4)
        }

        @Test func aBoxNotAMultipleOfTheCellGetsAPartialLastCell() throws {
            let grid = try ItemGrid(originX: 0, originY: 0, width: 5, height: 4, level: 1)
            #expect(grid.columns == 3 && grid.rows == 2)
        }

        @Test func shapesBeyondTheGridAreClipped() {
            #expect(PolygonDice.counts([rectangle(-100, -100, 100, 100)], [], grid: grid).countA == 64)
        }

        @Test func everyPairOfAnItemsReadersIsComparedAndAveraged() throws {
            let reads = try ShapeReads([
                ShapeRead(item: "t", reader: "a", polygons: [rectangle(0, 0, 4, 4)]),
                ShapeRead(item: "t", reader: "b", polygons: [rectangle(0, 0, 4, 4)]),
                ShapeRead(item: "t", reader: "c", polygons: [rectangle(4, 4, 8, 8)]),
            ])
            let agreement = try PolygonDice.agreement(reads, grids: ["t": grid])
            #expect(agreement.items[0].pairs.map { [$0.readerA, $0.readerB] } == [[0, 1], [0, 2], [1, 2]])
            #expect(agreement.items[0].pairs.map(\.value) == [1, 0, 0])
            #expect(agreement.items[0].mean == 1.0 / 3)
        }

        @Test func anItemReadOnceIsLeftOutOfTheMean() throws {
            let reads = try ShapeReads([
                ShapeRead(item: "once", reader: "a", polygons: [rectangle(0, 0, 4, 4)]),
                ShapeRead(item: "twice", reader: "a", polygons: [rectangle(0, 0, 4, 4)]),
                ShapeRead(item: "twice", reader: "b", polygons: [rectangle(0, 0, 2, 4)]),
            ])
            let agreement = try PolygonDice.agreement(reads, grids: ["twice": grid])
            #expect(agreement.items[0].pairs.isEmpty && agreement.items[0].mean.isNaN)
            #expect(agreement.mean == 2 * 8 / 24.0)
        }

        @Test func anItemReadTwiceWithoutAGridIsRefused() throws {
            let reads = try ShapeReads([ShapeRead(item: "t", reader: "a"), ShapeRead(item: "t", reader: "b")])
            #expect(throws: AgreementError.noItemGrid(item: "t")) { try PolygonDice.agreement(reads, grids: [:]) }
        }

        @Test func aGridOfTooManyCellsIsRefused() {
            #expect(throws: AgreementError.itemGridTooLarge(columns: 100_000, rows: 100_000, limit: ItemGrid.maximumCellCount)) {
                try ItemGrid(originX: 0, originY: 0, width: 100_000, height: 100_000)
            }
        }
    }
}
