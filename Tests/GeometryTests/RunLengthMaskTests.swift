import Geometry
import Testing
import Scoring
import TestSupport

/// The run-length operations against the dense ones (distance transform, `fillHoles`, `ConnectedComponents`),
/// cell by cell, on random grids with blobs, rings (holes), noise and set cells on every edge.
@Suite struct RunLengthMaskTests {
    static let sizes = [(0, 0), (1, 1), (1, 9), (9, 1), (2, 2), (17, 13), (40, 31), (64, 64)]

    /// Rectangles, hollow rectangles and (unless `speckle` is false) speckle, denser as `density` grows.
    static func randomCells(width: Int, height: Int, density: Double, speckle: Bool = true, random: inout SplitMix64) -> [Bool] {
        var cells = (0..<(width * height)).map { _ in speckle && random.unit() < density / 4 }
        guard width > 0, height > 0 else { return cells }
        for shape in 0..<Int(density * 12) {
            let x0 = Int(random.next() % UInt64(width)), y0 = Int(random.next() % UInt64(height))
            let x1 = min(width, x0 + 1 + Int(random.next() % 12)), y1 = min(height, y0 + 1 + Int(random.next() % 12))
            for y in y0..<y1 {
                for x in x0..<x1 where shape % 2 == 0 || y == y0 || y == y1 - 1 || x == x0 || x == x1 - 1 {
                    cells[y * width + x] = true
                }
            }
        }
        return cells
    }

    static func cases() -> [(cells: [Bool], width: Int, height: Int)] {
        var random = SplitMix64(seed: 2016)
        return sizes.flatMap { width, height in
            [0.0, 0.05, 0.2, 0.5, 0.9].map { (randomCells(width: width, height: height, density: $0, random: &random), width, height) }
                // Rectangles alone: runs of identical rows, as lesion masks have.
                + [0.1, 0.4].map { (randomCells(width: width, height: height, density: $0, speckle: false, random: &random), width, height) }
        }
    }

    @Test func keepsEveryCellAndFindsRuns() {
        for (cells, width, height) in Self.cases() {
            let mask = RunLengthMask(cells, width: width, height: height)
            #expect(mask.cells == cells)
            for y in 0..<height {
                for x in 0..<width {
                    let run = mask.run(containing: x, row: y)
                    #expect((run != nil) == cells[y * width + x])
                    if let run { #expect(mask.runs[run].start <= x && x < mask.runs[run].end) }
                }
            }
            #expect(mask.run(containing: -1, row: 0) == nil && mask.run(containing: 0, row: height) == nil)
        }
    }

    @Test(arguments: [0, 0.5, 1, 1.5, 2, 2.0000000001, 4.8225, 9.645, 30])
    func growsAsTheDistanceTransformThresholded(radius: Double) {
        for (cells, width, height) in Self.cases() {
            let distances = DistanceTransform.squaredDistances(features: cells, shape: [width, height], spacing: [1, 1])
            let expected = distances.map { $0.squareRoot() < radius }
            #expect(RunLengthMask(cells, width: width, height: height).grown(radius: radius).cells == expected, "\(width) x \(height)")
        }
    }

    @Test func growsNothingForNonPositiveOrNaNRadius() {
        let mask = RunLengthMask([true, false, true, true], width: 2, height: 2)
        #expect(mask.grown(radius: 0).runs.isEmpty)
        #expect(mask.grown(radius: .nan).runs.isEmpty)
        #expect(mask.grown(radius: .infinity).cells == [true, true, true, true])
    }

    @Test func fillsHolesAsBinaryMorphology() {
        for (cells, width, height) in Self.cases() where width > 0 {
            let expected = BinaryMorphology.fillHoles(cells, shape: [width, height])
            #expect(RunLengthMask(cells, width: width, height: height).filledHoles().cells == expected, "\(width) x \(height)")
        }
    }

    @Test func fillsAHoleJoinedToTheOutsideOnlyByACorner() {
        // The centre clear cell touches the clear outside only diagonally: face connectivity makes it a hole.
        let rows = ["......", ".XX...", ".X.X..", ".XXX..", "......"]
        let cells = rows.flatMap { $0.map { $0 == "X" } }
        let mask = RunLengthMask(cells, width: 6, height: 5)
        #expect(mask.filledHoles().cells == BinaryMorphology.fillHoles(cells, shape: [6, 5]))
        #expect(mask.filledHoles().cells[2 * 6 + 2])
    }

    @Test func labelsAsEightConnectedComponentsInRasterOrder() {
        for (cells, width, height) in Self.cases() {
            let mask = RunLengthMask(cells, width: width, height: height)
            let (labels, count) = mask.componentLabels()
            let dense = ConnectedComponents(values: cells.map { $0 ? Float(1) : 0 }, shape: [width, height, 1], connectivity: .twentySix)
            #expect(count == dense.components.count)
            var runLabels = [Int32](repeating: 0, count: cells.count)
            for y in 0..<height {
                for index in mask.runIndices(inRow: y) {
                    for x in mask.runs[index].start..<mask.runs[index].end { runLabels[y * width + x] = labels[index] }
                }
            }
            #expect(runLabels == dense.labels, "\(width) x \(height)")
        }
    }
}
