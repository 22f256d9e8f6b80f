/// Area under the ROC curve of scores for a binary question, with tied scores
/// counted as half a win, which is what scikit-learn's trapezoidal `roc_auc_score` yields.
public enum BinaryAUROC {
    /// Nil when the positives or the negatives are empty (the curve is undefined).
    ///
    /// Counts (positive, negative) pairs ordered correctly in integers, doubled so that a tie
    /// adds 1 instead of 0.5; the only rounding is the final division.
    public static func area(scores: [Double], positive: [Bool]) -> Double? {
        precondition(scores.count == positive.count, "one label per score")
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var negativesBelow = 0
        var doubledWins = 0
        var start = 0
        while start < order.count {
            var end = start
            var positivesInTie = 0
            var negativesInTie = 0
            while end < order.count, scores[order[end]] == scores[order[start]] {
                if positive[order[end]] { positivesInTie += 1 } else { negativesInTie += 1 }
                end += 1
            }
            doubledWins += positivesInTie * (2 * negativesBelow + negativesInTie)
            negativesBelow += negativesInTie
            start = end
        }
        let positives = positive.count - negativesBelow
        guard positives > 0, negativesBelow > 0 else { return nil }
        return Double(doubledWins) / (2 * Double(positives) * Double(negativesBelow))
    }

    /// One-vs-rest AUROC of each class from row-major `caseCount × classCount` probabilities.
    public static func oneVsRest(_ outcomes: ClassificationOutcomes) -> [Double?]? {
        guard let probabilities = outcomes.probabilities else { return nil }
        let width = outcomes.classCount
        return (0..<width).map { label in
            let scores = (0..<outcomes.caseCount).map { probabilities[$0 * width + label] }
            return area(scores: scores, positive: outcomes.truth.map { $0 == label })
        }
    }

    /// Mean of the defined per-class areas; nil when none is defined.
    public static func macro(_ perClass: [Double?]) -> Double? {
        let defined = perClass.compactMap { $0 }
        guard !defined.isEmpty else { return nil }
        return defined.reduce(0, +) / Double(defined.count)
    }
}
