import Foundation

/// The parameter-free Ladder (Blum and Hardt, 2015): a team's public score moves only when a new submission
/// beats its current best by more than one standard error, so probing the public split by many small changes
/// earns nothing.
public enum Ladder {
    /// The public score shown after each submission, in submission order.
    ///
    /// `perCase[k]` holds submission k's values on the public cases (the same cases, in the same order).
    /// A submission becomes the best when its mean loss is below the best's by more than the sample standard
    /// deviation of the per-case loss differences divided by √n; the shown score is the best's mean value.
    /// The first submission is always shown. Loss is the value for lower-is-better metrics and its negation otherwise.
    public static func shownScores(_ perCase: [[Double]], direction: MetricDirection) -> [Double] {
        guard let first = perCase.first else { return [] }
        let sign: Double = direction == .higherIsBetter ? -1 : 1
        var best = 0
        var shown = [mean(first)]
        for index in perCase.indices.dropFirst() {
            let differences = zip(perCase[index], perCase[best]).map { sign * ($0 - $1) }
            let n = Double(differences.count)
            if n >= 2 {
                let average = mean(differences)
                let variance = differences.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n - 1)
                if average < -(variance.squareRoot() / n.squareRoot()) { best = index }
            }
            shown.append(mean(perCase[best]))
        }
        return shown
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
