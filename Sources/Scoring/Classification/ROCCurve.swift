/// The ROC curve of scores for a binary question, as scikit-learn's `roc_curve` draws it: one point per distinct score
/// (highest first), starting at (0, 0); with `droppingIntermediate`, only the points a plot shows, as its default
/// `drop_intermediate=True` keeps them (a point in the middle of a straight run is left out).
public struct ROCCurve: Sendable, Equatable, Codable {
    public let falsePositiveRates: [Double]
    public let truePositiveRates: [Double]

    /// Nil when the positives or the negatives are empty.
    public init?(scores: [Double], positive: [Bool], droppingIntermediate: Bool = false) {
        let positives = positive.filter { $0 }.count
        let negatives = positive.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        // Counts of false and true positives at each distinct score, highest first.
        var (falseCounts, trueCounts) = ([Int](), [Int]())
        var (tp, fp, index) = (0, 0, 0)
        while index < order.count {
            let score = scores[order[index]]
            while index < order.count, scores[order[index]] == score {
                if positive[order[index]] { tp += 1 } else { fp += 1 }
                index += 1
            }
            falseCounts.append(fp)
            trueCounts.append(tp)
        }
        let kept = droppingIntermediate ? Self.corners(falseCounts, trueCounts) : Array(falseCounts.indices)
        let fpr = [0.0] + kept.map { Double(falseCounts[$0]) / Double(negatives) }
        let tpr = [0.0] + kept.map { Double(trueCounts[$0]) / Double(positives) }
        falsePositiveRates = fpr
        truePositiveRates = tpr
    }

    /// The indices scikit-learn keeps: the first, the last, and each whose second difference of the false or the
    /// true positive counts is not zero (computed on the counts, so exactly).
    private static func corners(_ falseCounts: [Int], _ trueCounts: [Int]) -> [Int] {
        guard falseCounts.count > 2 else { return Array(falseCounts.indices) }
        let last = falseCounts.count - 1
        return [0] + (1..<last).filter { index in
            falseCounts[index - 1] - 2 * falseCounts[index] + falseCounts[index + 1] != 0
                || trueCounts[index - 1] - 2 * trueCounts[index] + trueCounts[index + 1] != 0
        } + [last]
    }
}
