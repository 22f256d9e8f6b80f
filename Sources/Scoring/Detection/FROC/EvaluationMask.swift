import Foundation
import Geometry

/// The lesion regions of one slide at the evaluation level: the ground-truth mask grown by the protocol's
/// radius, holes filled, labelled with 8-connectivity; regions that are isolated tumour cells flagged.
public struct EvaluationMask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major labels, 0 outside every region.
    public let labels: [Int32]
    public let regionCount: Int
    /// Labels (1-based) of regions whose major axis is below the isolated-tumour-cell limit.
    public let isolatedTumourCells: Set<Int>
    /// skimage's `axis_major_length` of each region, for reports and tests.
    public let majorAxisLengths: [Double]
    public let regionPixelCounts: [Int]

    /// `lesions` is the ground-truth mask at the evaluation level, row-major `width` x `height`.
    public init(lesions: [Bool], width: Int, height: Int, settings: FROCSettings) {
        let squared = DistanceTransform.squaredDistances(features: lesions, shape: [width, height], spacing: [1, 1])
        let radius = settings.growthRadius
        // scipy compares the (square-rooted) distance; comparing squares could flip a borderline pixel.
        let grown = squared.map { $0.squareRoot() < radius }
        let filled = BinaryMorphology.fillHoles(grown, shape: [width, height])
        let regions = ConnectedComponents(values: filled.map { $0 ? Float(1) : 0 }, shape: [width, height, 1], connectivity: .twentySix)
        self.width = width
        self.height = height
        labels = regions.labels
        regionCount = regions.components.count
        regionPixelCounts = regions.components.map(\.voxelCount)
        let lengths = Self.majorAxisLengths(labels: regions.labels, width: width, regions: regions.components.count)
        majorAxisLengths = lengths
        isolatedTumourCells = Set(lengths.indices.filter { lengths[$0] < settings.isolatedTumourCellLimit }.map { $0 + 1 })
    }

    /// The label under a level-0 point, or nil when the point falls outside the mask.
    public func label(atLevelZero x: Double, _ y: Double, level: Int) -> Int? {
        let column = Int((x / Double(1 << level)).rounded(.down))
        let row = Int((y / Double(1 << level)).rounded(.down))
        guard column >= 0, row >= 0, column < width, row < height else { return nil }
        return Int(labels[row * width + column])
    }

    /// 4 sqrt(largest eigenvalue) of each region's pixel-coordinate covariance (divided by N), as skimage measures it.
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
