import Scoring

/// How a `volume-lesion-detection` phase reads and matches candidates (picai_eval's defaults unless stated).
public struct DetectionSettings: Sendable, Equatable, Codable {
    /// What participants submit: detection maps, or softmax maps turned into candidates by `dynamic-fast`.
    public enum Candidates: String, Sendable, Codable, CaseIterable {
        case detectionMap = "detection-map"
        case dynamicFast = "dynamic-fast"
    }

    public var overlap: OverlapMeasure
    public var minimumOverlap: Double
    public var candidates: Candidates
    /// False positives per case at which lesion sensitivity is reported.
    public var falsePositiveRates: [Double]

    public init(overlap: OverlapMeasure = .iou, minimumOverlap: Double = 0.10, candidates: Candidates = .detectionMap,
                falsePositiveRates: [Double] = [0.1, 0.25, 0.5, 1]) {
        self.overlap = overlap
        self.minimumOverlap = minimumOverlap
        self.candidates = candidates
        self.falsePositiveRates = falsePositiveRates
    }
}

/// How a segmentation phase measures masks.
public struct SegmentationSettings: Sendable, Equatable, Codable {
    /// Tolerances of the normalised surface distance, in the grid's physical unit (mm for volumes, µm for slides).
    public var tolerances: [Double]
    /// For `slide-segmentation`: the pixel size of the masks (µm); volumes take it from their headers.
    public var micronsPerPixel: Double

    public init(tolerances: [Double] = [1, 2], micronsPerPixel: Double = 1) {
        self.tolerances = tolerances
        self.micronsPerPixel = micronsPerPixel
    }
}
