import Scoring

/// The task participants solve.
public struct TaskSpec: Sendable, Equatable, Codable {
    public let kind: TaskKind
    /// Classes in their ordinal order: quadratic kappa weighs a confusion by index distance. Empty for lesion tasks.
    public let classes: [ClassSpec]
    /// `slide-lesion-detection`: the FROC protocol and its constants.
    public let froc: FROCSettings?
    /// `volume-lesion-detection`: candidate matching.
    public let detection: DetectionSettings?
    /// Segmentation tasks: surface-distance tolerances and pixel size.
    public let segmentation: SegmentationSettings?

    public init(kind: TaskKind, classes: [ClassSpec] = [], froc: FROCSettings? = nil,
                detection: DetectionSettings? = nil, segmentation: SegmentationSettings? = nil) {
        self.kind = kind
        self.classes = classes
        self.froc = froc
        self.detection = detection
        self.segmentation = segmentation
    }

    /// Index of a class id, or nil when the id is not a class of this task.
    public func classIndex(of id: String) -> Int? {
        classes.firstIndex { $0.id == id }
    }
}
