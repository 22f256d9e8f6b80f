import Geometry

/// The lesion regions of one slide at the evaluation level: the ground-truth mask grown by the protocol's
/// radius, holes filled, labelled with 8-connectivity; regions that are isolated tumour cells flagged.
public struct EvaluationMask: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// The regions as runs of cells along rows (a slide is mostly background).
    let regions: RunLengthMask
    /// The label (1-based) of each run of `regions`.
    let runLabels: [Int32]
    public let regionCount: Int
    /// Labels (1-based) of regions whose major axis is below the isolated-tumour-cell limit.
    public let isolatedTumourCells: Set<Int>
    /// skimage's `axis_major_length` of each region, for reports and tests.
    public let majorAxisLengths: [Double]
    public let regionPixelCounts: [Int]

    /// `lesions` is the ground-truth mask at the evaluation level, row-major `width` x `height`.
    public init(lesions: [Bool], width: Int, height: Int, settings: FROCSettings) {
        self.init(lesions: RunLengthMask(lesions, width: width, height: height), settings: settings)
    }

    /// Grows, fills and labels the whole slide on runs, which is what scipy and skimage do on the full array
    /// (the distance transform, `binary_fill_holes` and `measure.label` of `Evaluation_FROC.py`).
    public init(lesions: RunLengthMask, settings: FROCSettings) {
        let regions = lesions.grown(radius: settings.growthRadius).filledHoles()
        let (labels, count) = regions.componentLabels()
        width = lesions.width
        height = lesions.height
        self.regions = regions
        runLabels = labels
        regionCount = count
        var pixels = [Int](repeating: 0, count: count)
        for (run, label) in zip(regions.runs, labels) { pixels[Int(label) - 1] += run.end - run.start }
        regionPixelCounts = pixels
        let lengths = MajorAxis.lengths(regions, labels: labels, count: count, origin: MajorAxis.origin(lesions, radius: settings.growthRadius))
        majorAxisLengths = lengths
        isolatedTumourCells = Set(lengths.indices.filter { lengths[$0] < settings.isolatedTumourCellLimit }.map { $0 + 1 })
    }

    public static func == (lhs: EvaluationMask, rhs: EvaluationMask) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.regions == rhs.regions && lhs.runLabels == rhs.runLabels
    }

    /// The label under a level-0 point, or nil when the point falls outside the mask.
    public func label(atLevelZero x: Double, _ y: Double, level: Int) -> Int? {
        let column = Int((x / Double(1 << level)).rounded(.down))
        let row = Int((y / Double(1 << level)).rounded(.down))
        guard column >= 0, row >= 0, column < width, row < height else { return nil }
        return regions.run(containing: column, row: row).map { Int(runLabels[$0]) } ?? 0
    }
}
