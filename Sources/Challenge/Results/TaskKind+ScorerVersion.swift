extension TaskKind {
    /// The version of the code that scores this kind of task; stored results are keyed to it, so a change to how a
    /// task is scored must change its version. Kept with the task kinds (not with the evaluators) because the store
    /// and the leaderboard select results by it without scoring anything.
    public var scorerVersion: String {
        switch self {
        case .slideClassification: "slide-classification/1"
        case .slideLesionDetection: "slide-lesion-detection/1"
        case .volumeLesionDetection: "volume-lesion-detection/1 (picai_eval 1.4.13)"
        case .volumeSegmentation, .slideSegmentation: "segmentation/1 (Metrics Reloaded definitions)"
        }
    }
}
