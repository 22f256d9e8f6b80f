extension TaskKind {
    /// The version of the code that scores this kind of task; stored results are keyed to it.
    public var scorerVersion: String {
        switch self {
        case .slideClassification: ClassificationEvaluator.scorerVersion
        case .slideLesionDetection: SlideLesionEvaluator.scorerVersion
        case .volumeLesionDetection: VolumeLesionEvaluator.scorerVersion
        case .volumeSegmentation, .slideSegmentation: SegmentationEvaluator.scorerVersion
        }
    }
}
