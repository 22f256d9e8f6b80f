import Foundation
import Geometry

/// The lesion regions of one slide at the evaluation level: the ground-truth mask grown by the protocol's
/// radius, holes filled, labelled with 8-connectivity; regions that are isolated tumour cells flagged.
public struct EvaluationMask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// The labelled window: every region lies inside it (cells outside are 0).
    let window: (x: Int, y: Int, width: Int, height: Int)
    /// Row-major labels of the window, 0 outside every region.
    let windowLabels: [Int32]
    public let regionCount: Int
    /// Labels (1-based) of regions whose major axis is below the isolated-tumour-cell limit.
    public let isolatedTumourCells: Set<Int>
    /// skimage's `axis_major_length` of each region, for reports and tests.
    public let majorAxisLengths: [Double]
    public let regionPixelCounts: [Int]

    /// `lesions` is the ground-truth mask at the evaluation level, row-major `width` x `height`.
    ///
    /// Only the lesions' bounding box grown by the radius (and one cell) can change, so the distance
    /// transform, hole filling and labelling run on that window: its edge is background connected to the
    /// slide's outside, and raster order inside it is the slide's raster order, so labels are the same.
    public init(lesions: [Bool], width: Int, height: Int, settings: FROCSettings) {
        let radius = settings.growthRadius
        let margin = Int(radius.rounded(.up)) + 1
        var (minX, minY, maxX, maxY) = (width, height, -1, -1)
        for index in lesions.indices where lesions[index] {
            let (x, y) = (index % width, index / width)
            (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y))
        }
        if maxX < 0 { (minX, minY, maxX, maxY) = (0, 0, -1, -1) }
        let x0 = max(0, minX - margin), y0 = max(0, minY - margin)
        let x1 = min(width, maxX + margin + 1), y1 = min(height, maxY + margin + 1)
        let window = (x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
        var cropped = [Bool](repeating: false, count: window.width * window.height)
        for row in 0..<window.height {
            for column in 0..<window.width { cropped[row * window.width + column] = lesions[(y0 + row) * width + x0 + column] }
        }
        let squared = DistanceTransform.squaredDistances(features: cropped, shape: [window.width, window.height], spacing: [1, 1])
        // scipy compares the (square-rooted) distance; comparing squares could flip a borderline pixel.
        let grown = squared.map { $0.squareRoot() < radius }
        let filled = window.width > 0 ? BinaryMorphology.fillHoles(grown, shape: [window.width, window.height]) : []
        let regions = ConnectedComponents(values: filled.map { $0 ? Float(1) : 0 }, shape: [window.width, window.height, 1], connectivity: .twentySix)
        self.width = width
        self.height = height
        self.window = window
        windowLabels = regions.labels
        regionCount = regions.components.count
        regionPixelCounts = regions.components.map(\.voxelCount)
        let lengths = Self.majorAxisLengths(labels: regions.labels, width: max(window.width, 1), regions: regions.components.count)
        majorAxisLengths = lengths
        isolatedTumourCells = Set(lengths.indices.filter { lengths[$0] < settings.isolatedTumourCellLimit }.map { $0 + 1 })
    }

    public static func == (lhs: EvaluationMask, rhs: EvaluationMask) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.window == rhs.window && lhs.windowLabels == rhs.windowLabels
    }

    /// The label under a level-0 point, or nil when the point falls outside the mask.
    public func label(atLevelZero x: Double, _ y: Double, level: Int) -> Int? {
        let column = Int((x / Double(1 << level)).rounded(.down))
        let row = Int((y / Double(1 << level)).rounded(.down))
        guard column >= 0, row >= 0, column < width, row < height else { return nil }
        let (wx, wy) = (column - window.x, row - window.y)
        guard wx >= 0, wy >= 0, wx < window.width, wy < window.height else { return 0 }
        return Int(windowLabels[wy * window.width + wx])
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
