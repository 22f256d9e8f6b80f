/// Every aggregate Arbiter reports for a classification submission over one set of cases.
public struct ClassificationSummary: Sendable, Equatable, Codable {
    public let caseCount: Int
    public let confusion: ConfusionMatrix
    /// Mean per-case cost-matrix value, when the task has a cost matrix.
    public let costMatrixScore: Double?
    public let accuracy: Double?
    public let quadraticWeightedKappa: Double?
    public let recallPerClass: [Double?]
    /// One-vs-rest AUROC per class; nil when the submission has no probabilities.
    public let aurocPerClass: [Double?]?
    public let macroAUROC: Double?

    /// Computes the summary; `costMatrix` must have `outcomes.classCount` classes.
    public init(
        _ outcomes: ClassificationOutcomes,
        costMatrix: CostMatrix?,
        costDirection: MetricDirection = .higherIsBetter
    ) {
        precondition(costMatrix.map { $0.classCount == outcomes.classCount } ?? true, "cost matrix fits the classes")
        let confusion = ConfusionMatrix(outcomes)
        let aurocs = BinaryAUROC.oneVsRest(outcomes)
        self.caseCount = outcomes.caseCount
        self.confusion = confusion
        self.costMatrixScore = costMatrix?.score(outcomes, direction: costDirection)
        self.accuracy = ClassificationMetrics.accuracy(confusion)
        self.quadraticWeightedKappa = ClassificationMetrics.quadraticWeightedKappa(confusion)
        self.recallPerClass = ClassificationMetrics.recallPerClass(confusion)
        self.aurocPerClass = aurocs
        self.macroAUROC = aurocs.flatMap(BinaryAUROC.macro)
    }
}
