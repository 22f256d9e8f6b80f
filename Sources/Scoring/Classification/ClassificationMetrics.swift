/// Label metrics over a confusion matrix, defined as scikit-learn defines them.
public enum ClassificationMetrics {
    /// Share of cases predicted correctly; nil for no cases.
    public static func accuracy(_ confusion: ConfusionMatrix) -> Double? {
        let total = confusion.total
        guard total > 0 else { return nil }
        let correct = (0..<confusion.classCount).reduce(0) { $0 + confusion[$1, $1] }
        return Double(correct) / Double(total)
    }

    /// Recall of each class; nil for a class with no true cases (scikit-learn's `zero_division=nan`).
    public static func recallPerClass(_ confusion: ConfusionMatrix) -> [Double?] {
        (0..<confusion.classCount).map { label in
            let support = confusion.rowSum(label)
            return support == 0 ? nil : Double(confusion[label, label]) / Double(support)
        }
    }

    /// Cohen's kappa with quadratic weights `(i - j)²` over the full class list, as
    /// `cohen_kappa_score(weights="quadratic", labels=all)`. Classes that never occur still
    /// widen the weight scale, which is why the full list matters. Nil when undefined
    /// (no cases, or every expected disagreement weight is zero).
    public static func quadraticWeightedKappa(_ confusion: ConfusionMatrix) -> Double? {
        let size = confusion.classCount
        let total = Double(confusion.total)
        guard total > 0 else { return nil }
        let rowSums = (0..<size).map { Double(confusion.rowSum($0)) }
        let columnSums = (0..<size).map { Double(confusion.columnSum($0)) }
        var observed = 0.0
        var expected = 0.0
        for truth in 0..<size {
            for predicted in 0..<size {
                let weight = Double((truth - predicted) * (truth - predicted))
                observed += weight * Double(confusion[truth, predicted])
                expected += weight * (rowSums[truth] * columnSums[predicted] / total)
            }
        }
        guard expected != 0 else { return nil }
        return 1 - observed / expected
    }
}
