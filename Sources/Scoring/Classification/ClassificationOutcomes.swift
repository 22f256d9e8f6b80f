/// What a submission said about each case next to what the truth says, as class indices.
///
/// Stored as parallel arrays rather than an array of structs because the judge scores
/// hundreds of thousands of cases per batch and the metrics stream over one column at a time.
public struct ClassificationOutcomes: Sendable, Equatable {
    /// The number of classes K; every label is in `0..<classCount`.
    public let classCount: Int
    /// True class index per case.
    public let truth: [Int]
    /// Predicted class index per case.
    public let predicted: [Int]
    /// Row-major `caseCount × classCount` probabilities, or nil when the submission gave none.
    public let probabilities: [Double]?

    public init(classCount: Int, truth: [Int], predicted: [Int], probabilities: [Double]? = nil) {
        precondition(classCount > 0, "a classification task has at least one class")
        precondition(truth.count == predicted.count, "truth and predictions cover the same cases")
        precondition(
            probabilities.map { $0.count == truth.count * classCount } ?? true,
            "one probability per case and class")
        self.classCount = classCount
        self.truth = truth
        self.predicted = predicted
        self.probabilities = probabilities
    }

    public var caseCount: Int { truth.count }

    /// The same outcomes restricted to the cases at `indices`, in that order.
    public func subset(_ indices: [Int]) -> ClassificationOutcomes {
        let probabilities = self.probabilities.map { all in
            indices.flatMap { all[($0 * classCount)..<($0 * classCount + classCount)] }
        }
        return ClassificationOutcomes(
            classCount: classCount,
            truth: indices.map { truth[$0] },
            predicted: indices.map { predicted[$0] },
            probabilities: probabilities)
    }
}
