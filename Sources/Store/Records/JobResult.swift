import Challenge

/// A finished scoring job, ready to be written.
public struct JobResult: Sendable {
    public enum Outcome: Sendable {
        case scored(SubmissionScores, caseRefs: [Int64])
        /// The file could not be scored; the message is for the team and never mentions the truth.
        case failed(String)
    }

    public let job: ClaimedJob
    public let scorerVersion: String
    public let truthVersion: String
    public let outcome: Outcome
    /// For a failure that is not the file's own problem (a crash, a time limit): the detail for the operator.
    public let operatorReason: String?
    /// Each split's summary as the stores keep it (`EvaluationSummary.jsonText()`), in split order. Written when the
    /// result is made, on whichever core scored it, not in the store's one write transaction.
    public let summaryTexts: Result<[String], any Error>

    public init(job: ClaimedJob, scorerVersion: String, truthVersion: String, outcome: Outcome, operatorReason: String? = nil) {
        self.job = job
        self.scorerVersion = scorerVersion
        self.truthVersion = truthVersion
        self.outcome = outcome
        self.operatorReason = operatorReason
        if case .scored(let scores, _) = outcome {
            summaryTexts = Result { try scores.splits.map { try $0.summary.jsonText() } }
        } else {
            summaryTexts = .success([])
        }
    }
}
