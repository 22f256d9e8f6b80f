/// Counts of cases by (true class, predicted class) over the full class list,
/// including classes that never occur, as scikit-learn's `confusion_matrix(labels=…)`.
public struct ConfusionMatrix: Sendable, Equatable, Codable {
    public let classCount: Int
    /// Row-major counts: `counts[truth * classCount + predicted]`.
    public private(set) var counts: [Int]

    public init(classCount: Int) {
        self.classCount = classCount
        self.counts = Array(repeating: 0, count: classCount * classCount)
    }

    public init(_ outcomes: ClassificationOutcomes) {
        self.init(classCount: outcomes.classCount)
        for (truth, predicted) in zip(outcomes.truth, outcomes.predicted) {
            counts[truth * classCount + predicted] += 1
        }
    }

    public subscript(truth: Int, predicted: Int) -> Int {
        counts[truth * classCount + predicted]
    }

    /// The matrix as rows (truth) of columns (prediction).
    public var rows: [[Int]] {
        (0..<classCount).map { Array(counts[($0 * classCount)..<($0 * classCount + classCount)]) }
    }

    public var total: Int { counts.reduce(0, +) }

    /// Cases whose true class is `truth`.
    public func rowSum(_ truth: Int) -> Int {
        (0..<classCount).reduce(0) { $0 + self[truth, $1] }
    }

    /// Cases predicted as `predicted`.
    public func columnSum(_ predicted: Int) -> Int {
        (0..<classCount).reduce(0) { $0 + self[$1, predicted] }
    }
}
