/// A validated classification submission, aligned to the case order it was checked against.
public struct ClassificationPredictions: Sendable, Equatable {
    /// Predicted class index per expected case.
    public let labels: [Int]
    /// Row-major `labels.count × classCount` probabilities, when the file had `p_` columns.
    public let probabilities: [Double]?

    public init(labels: [Int], probabilities: [Double]?) {
        self.labels = labels
        self.probabilities = probabilities
    }
}
