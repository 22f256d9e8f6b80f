import Geometry
import Scoring
import Testing
import TestSupport

/// The run-length evaluation mask against the dense pipeline it replaced (distance transform, `fillHoles` and
/// `ConnectedComponents` on the lesions' window), cell by cell and bit for bit, on random slides.
@Suite struct EvaluationMaskTests {
    static func randomLesions(width: Int, height: Int, random: inout SplitMix64) -> [Bool] {
        var cells = [Bool](repeating: false, count: width * height)
        for lesion in 0..<random.next(below: 9) {
            let x0 = random.next(below: width), y0 = random.next(below: height)
            let x1 = min(width, x0 + 1 + random.next(below: 30)), y1 = min(height, y0 + 1 + random.next(below: 30))
            for y in y0..<y1 {
                // Every third lesion is an outline (a hole once grown, if wide enough) or a speckled patch.
                for x in x0..<x1 where lesion % 3 == 0 || (lesion % 3 == 1 ? y == y0 || y == y1 - 1 || x == x0 || x == x1 - 1 : random.next(below: 3) == 0) {
                    cells[y * width + x] = true
                }
            }
        }
        return cells
    }

    @Test(arguments: FROCProtocol.allCases, [3, 5, 6])
    func equalsTheDenseWindowedPipeline(protocolName: FROCProtocol, level: Int) {
        var random = SplitMix64(seed: UInt64(2016 + level))
        let settings = FROCSettings(protocolName: protocolName, level: level)
        for _ in 0..<40 {
            let (width, height) = (1 + random.next(below: 120), 1 + random.next(below: 120))
            let lesions = Self.randomLesions(width: width, height: height, random: &random)
            let mask = EvaluationMask(lesions: lesions, width: width, height: height, settings: settings)
            let dense = DenseEvaluationMask(lesions: lesions, width: width, height: height, settings: settings)
            #expect(mask.regionCount == dense.regionCount)
            #expect(mask.regionPixelCounts == dense.regionPixelCounts)
            #expect(mask.majorAxisLengths.map(\.bitPattern) == dense.majorAxisLengths.map(\.bitPattern))
            #expect(mask.isolatedTumourCells == dense.isolatedTumourCells)
            let labels = (0..<(width * height)).map { mask.label(atLevelZero: Double($0 % width), Double($0 / width), level: 0)! }
            #expect(labels == dense.labels, "\(width) x \(height)")
            #expect(mask.label(atLevelZero: Double(width << level), 0, level: level) == nil)
        }
    }

    @Test func slideWithoutLesionsHasNoRegion() {
        let mask = EvaluationMask(lesions: [Bool](repeating: false, count: 12), width: 4, height: 3, settings: FROCSettings())
        #expect(mask.regionCount == 0 && mask.majorAxisLengths.isEmpty && mask.label(atLevelZero: 40, 40, level: 5) == 0)
    }
}

/// The evaluation mask as it was computed before runs: dense on the lesions' bounding box grown by the radius
/// and one cell, labels for the whole slide.
struct DenseEvaluationMask {
    var labels: [Int]
    var regionCount: Int
    var regionPixelCounts: [Int]
    var majorAxisLengths: [Double]
    var isolatedTumourCells: Set<Int>

    init(lesions: [Bool], width: Int, height: Int, settings: FROCSettings) {
        let radius = settings.growthRadius
        let margin = Int(radius.rounded(.up)) + 1
        let set = lesions.indices.filter { lesions[$0] }
        let (minX, minY) = (set.map { $0 % width }.min() ?? 0, set.map { $0 / width }.min() ?? 0)
        let (maxX, maxY) = (set.map { $0 % width }.max() ?? -1, set.map { $0 / width }.max() ?? -1)
        let x0 = max(0, minX - margin), y0 = max(0, minY - margin)
        let (w, h) = (max(0, min(width, maxX + margin + 1) - x0), max(0, min(height, maxY + margin + 1) - y0))
        let cropped = (0..<(w * h)).map { lesions[(y0 + $0 / w) * width + x0 + $0 % w] }
        let grown = DistanceTransform.squaredDistances(features: cropped, shape: [w, h], spacing: [1, 1]).map { $0.squareRoot() < radius }
        let filled = w > 0 ? BinaryMorphology.fillHoles(grown, shape: [w, h]) : []
        let regions = ConnectedComponents(values: filled.map { $0 ? Float(1) : 0 }, shape: [w, h, 1], connectivity: .twentySix)
        labels = [Int](repeating: 0, count: width * height)
        for (index, label) in regions.labels.enumerated() { labels[(y0 + index / w) * width + x0 + index % w] = Int(label) }
        regionCount = regions.components.count
        regionPixelCounts = regions.components.map(\.voxelCount)
        let lengths = Self.majorAxisLengths(labels: regions.labels, width: max(w, 1), regions: regions.components.count)
        majorAxisLengths = lengths
        isolatedTumourCells = Set(lengths.indices.filter { lengths[$0] < settings.isolatedTumourCellLimit }.map { $0 + 1 })
    }

    static func majorAxisLengths(labels: [Int32], width: Int, regions: Int) -> [Double] {
        var count = [Double](repeating: 0, count: regions)
        var sumRow = count, sumColumn = count
        for (index, label) in labels.enumerated() where label != 0 {
            let slot = Int(label) - 1
            count[slot] += 1
            sumRow[slot] += Double(index / width)
            sumColumn[slot] += Double(index % width)
        }
        var rowRow = [Double](repeating: 0, count: regions)
        var columnColumn = rowRow, rowColumn = rowRow
        for (index, label) in labels.enumerated() where label != 0 {
            let slot = Int(label) - 1
            let dr = Double(index / width) - sumRow[slot] / count[slot]
            let dc = Double(index % width) - sumColumn[slot] / count[slot]
            rowRow[slot] += dr * dr
            columnColumn[slot] += dc * dc
            rowColumn[slot] += dr * dc
        }
        return (0..<regions).map { slot in
            let (a, c, b) = (rowRow[slot] / count[slot], columnColumn[slot] / count[slot], rowColumn[slot] / count[slot])
            let largest = (a + c) / 2 + (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot()
            return 4 * max(largest, 0).squareRoot()
        }
    }
}
