/// A scored point: level-0 coordinates and a confidence in [0, 1].
public struct LesionPoint: Sendable, Equatable, Codable {
    public var x: Double
    public var y: Double
    public var confidence: Double

    public init(x: Double, y: Double, confidence: Double) {
        self.x = x
        self.y = y
        self.confidence = confidence
    }
}

/// One slide's ground truth (nil mask for a slide without lesions) and the points submitted for it.
public struct FROCSlide: Sendable {
    public var caseID: String
    public var mask: EvaluationMask?
    public var points: [LesionPoint]

    public init(caseID: String, mask: EvaluationMask?, points: [LesionPoint]) {
        self.caseID = caseID
        self.mask = mask
        self.points = points
    }
}

/// What the points of one slide amount to.
public struct FROCSlideOutcome: Sendable, Equatable {
    /// Confidences of points outside every region (all points of a slide without lesions).
    public var falsePositives: [Double]
    /// Per non-ITC region, in label order: its best hit's confidence, or nil when missed.
    /// (camelyon16: float32-rounded, with missed and ITC regions as 0 in `camelyon16Values`.)
    public var hits: [Int: Double]
    public var lesionCount: Int
    /// camelyon16's `TP_probs`: one float32 value per region label, 0 for missed and ITC regions.
    public var camelyon16Values: [Float]
}

extension FROCSlide {
    public func outcome(_ settings: FROCSettings) -> FROCSlideOutcome {
        guard let mask else {
            return FROCSlideOutcome(falsePositives: points.map(\.confidence), hits: [:], lesionCount: 0, camelyon16Values: [])
        }
        var falsePositives: [Double] = []
        var hits: [Int: Double] = [:]
        var stored = [Float](repeating: 0, count: mask.regionCount)
        for point in points {
            let label = mask.label(atLevelZero: point.x, point.y, level: settings.level) ?? 0
            if label == 0 {
                falsePositives.append(point.confidence)
            } else if !mask.isolatedTumourCells.contains(label) {
                hits[label] = max(hits[label] ?? -.infinity, point.confidence)
                // The script stores hits in a float32 array initialised to 0 and replaces only on `>`.
                if Float(point.confidence) > stored[label - 1] { stored[label - 1] = Float(point.confidence) }
            }
        }
        return FROCSlideOutcome(falsePositives: falsePositives, hits: hits,
                                lesionCount: mask.regionCount - mask.isolatedTumourCells.count, camelyon16Values: stored)
    }
}
