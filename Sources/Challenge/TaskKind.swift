/// What participants predict; each kind has its own prediction format and metrics.
public enum TaskKind: String, Sendable, Codable, CaseIterable {
    /// One class per whole-slide image, as in the 2020 cervical-biopsy challenge.
    case slideClassification = "slide-classification"
    /// Points with confidences on slides, scored by FROC against lesion outlines (CAMELYON16).
    case slideLesionDetection = "slide-lesion-detection"
    /// A detection map per MRI volume, scored as PI-CAI scores it.
    case volumeLesionDetection = "volume-lesion-detection"
    /// A mask per volume, scored by overlap and boundary distances.
    case volumeSegmentation = "volume-segmentation"
    /// A mask per slide (PNG at a stated pixel size), scored like volume segmentation in 2D.
    case slideSegmentation = "slide-segmentation"

    /// The metrics a phase of this kind may list.
    public var metricKinds: [MetricKind] {
        switch self {
        case .slideClassification: [.costMatrix, .accuracy, .quadraticWeightedKappa, .classRecall, .auroc, .macroAUROC]
        case .slideLesionDetection: [.frocScore, .frocSensitivity]
        case .volumeLesionDetection: [.picaiScore, .caseAUROC, .averagePrecision, .lesionSensitivity]
        case .volumeSegmentation, .slideSegmentation: [.dice, .iou, .hausdorff, .hausdorff95, .surfaceDice]
        }
    }
}
