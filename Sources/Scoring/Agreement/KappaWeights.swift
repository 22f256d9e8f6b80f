/// How much Cohen's kappa counts each disagreement: `w[i][j]` for reader A's category i and reader B's j.
public enum KappaWeights: Sendable, Equatable {
    /// Every disagreement counts 1 (Cohen's original kappa): w = 0 on the diagonal, 1 elsewhere.
    case unweighted
    /// w = |i − j|: a disagreement costs its distance in the category order.
    case linear
    /// w = (i − j)²: distant disagreements cost much more (the quadratic weighted kappa of grading challenges).
    case quadratic
    /// An arbitrary matrix, such as a challenge's cost matrix: `costs[i, j]` for A = i and B = j. It need be neither
    /// symmetric nor zero on the diagonal; the statistic is 1 − Σ w·O / Σ w·E (see `CohenKappa`).
    case custom(CostMatrix)

    /// The weights as a row-major `categoryCount × categoryCount` matrix. Throws for a custom matrix of another
    /// size or with a NaN or infinite weight.
    public func matrix(categoryCount: Int) throws(AgreementError) -> [Double] {
        let k = categoryCount
        switch self {
        case .unweighted:
            return (0..<(k * k)).map { $0 / k == $0 % k ? 0 : 1 }
        case .linear:
            return (0..<(k * k)).map { Double(abs($0 / k - $0 % k)) }
        case .quadratic:
            return (0..<(k * k)).map { Double(($0 / k - $0 % k) * ($0 / k - $0 % k)) }
        case .custom(let costs):
            guard costs.classCount == k else { throw .weightMatrixSize(classCount: costs.classCount, categoryCount: k) }
            if let index = costs.costs.firstIndex(where: { !$0.isFinite }) {
                throw .weightNotFinite(row: index / k, column: index % k, value: costs.costs[index])
            }
            return costs.costs
        }
    }
}
