/// The ROC curve of scores for a binary question, as scikit-learn's `roc_curve(drop_intermediate=False)`
/// draws it: one point per distinct score (highest first), starting at (0, 0).
public struct ROCCurve: Sendable, Equatable, Codable {
    public let falsePositiveRates: [Double]
    public let truePositiveRates: [Double]

    /// Nil when the positives or the negatives are empty.
    public init?(scores: [Double], positive: [Bool]) {
        let positives = positive.filter { $0 }.count
        let negatives = positive.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var (fpr, tpr) = ([0.0], [0.0])
        var (tp, fp, index) = (0, 0, 0)
        while index < order.count {
            let score = scores[order[index]]
            while index < order.count, scores[order[index]] == score {
                if positive[order[index]] { tp += 1 } else { fp += 1 }
                index += 1
            }
            fpr.append(Double(fp) / Double(negatives))
            tpr.append(Double(tp) / Double(positives))
        }
        falsePositiveRates = fpr
        truePositiveRates = tpr
    }
}
