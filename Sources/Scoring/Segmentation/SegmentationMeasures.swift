import Geometry

/// Overlap and boundary-distance measures of a predicted mask against a reference mask, as the
/// Metrics Reloaded reference code defines them (nil where it returns NaN).
///
/// Borders are a mask minus its erosion by the face-neighbour cross (outside the grid counts as background);
/// distances are Euclidean in the grid's physical units, from border to border; HD95 is the larger of the two
/// directed 95th percentiles (numpy's linear percentile); NSD counts border points within the tolerance, inclusive.
public struct SegmentationMeasures: Sendable, Equatable, Codable {
    public var dice: Double?
    public var iou: Double?
    public var hausdorff: Double?
    public var hausdorff95: Double?
    /// Normalised surface distance at each requested tolerance, in the order requested.
    public var surfaceDice: [Double]

    /// `reference` and `prediction` are x-fastest grids of `shape` with `spacing` (for example millimetres).
    public init(reference: [Bool], prediction: [Bool], shape: [Int], spacing: [Double], tolerances: [Double] = []) {
        // An invariant, not a check of input: SegmentationEvaluator compares both grids and their value counts (and
        // refuses multi-component volumes) before it builds the masks it passes here.
        precondition(reference.count == prediction.count && reference.count == shape.reduce(1, *), "masks must share the grid \(shape)")
        let referenceCount = reference.lazy.filter { $0 }.count
        let predictionCount = prediction.lazy.filter { $0 }.count
        let intersection = zip(reference, prediction).lazy.filter { $0 && $1 }.count
        let union = referenceCount + predictionCount - intersection
        switch (referenceCount, predictionCount) {
        case (0, 0):
            self.init(dice: 1, iou: nil, hausdorff: 0, hausdorff95: 0, surfaceDice: tolerances.map { _ in 1 })
        case (0, _), (_, 0):
            self.init(dice: 0, iou: 0, hausdorff: nil, hausdorff95: nil, surfaceDice: tolerances.map { _ in 0 })
        default:
            let distances = BorderDistances(reference: reference, prediction: prediction, shape: shape, spacing: spacing)
            self.init(
                dice: 2 * Double(intersection) / Double(referenceCount + predictionCount),
                iou: Double(intersection) / Double(union),
                hausdorff: max(distances.predictionToReference.last!, distances.referenceToPrediction.last!),
                hausdorff95: max(Percentile.linear(sorted: distances.predictionToReference, percent: 95),
                                 Percentile.linear(sorted: distances.referenceToPrediction, percent: 95)),
                surfaceDice: tolerances.map(distances.surfaceDice))
        }
    }

    public init(dice: Double?, iou: Double?, hausdorff: Double?, hausdorff95: Double?, surfaceDice: [Double]) {
        self.dice = dice
        self.iou = iou
        self.hausdorff = hausdorff
        self.hausdorff95 = hausdorff95
        self.surfaceDice = surfaceDice
    }
}

/// Distances from each border point of one mask to the other mask's border, sorted ascending.
struct BorderDistances {
    let predictionToReference: [Double]
    let referenceToPrediction: [Double]

    init(reference: [Bool], prediction: [Bool], shape: [Int], spacing: [Double]) {
        let referenceBorder = Self.border(reference, shape: shape)
        let predictionBorder = Self.border(prediction, shape: shape)
        let toReference = DistanceTransform.squaredDistances(features: referenceBorder, shape: shape, spacing: spacing)
        let toPrediction = DistanceTransform.squaredDistances(features: predictionBorder, shape: shape, spacing: spacing)
        predictionToReference = predictionBorder.indices.filter { predictionBorder[$0] }.map { toReference[$0].squareRoot() }.sorted()
        referenceToPrediction = referenceBorder.indices.filter { referenceBorder[$0] }.map { toPrediction[$0].squareRoot() }.sorted()
    }

    static func border(_ mask: [Bool], shape: [Int]) -> [Bool] {
        let eroded = BinaryMorphology.erode(mask, shape: shape, neighbourhood: .faces)
        return zip(mask, eroded).map { $0 && !$1 }
    }

    func surfaceDice(tolerance: Double) -> Double {
        let within = predictionToReference.lazy.filter { $0 <= tolerance }.count + referenceToPrediction.lazy.filter { $0 <= tolerance }.count
        return Double(within) / Double(predictionToReference.count + referenceToPrediction.count)
    }
}
