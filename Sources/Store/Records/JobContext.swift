/// What a judge needs to know about the submission behind a job.
public struct JobContext: Sendable {
    public let submission: StoredSubmission
    public let challenge: String
    public let phase: String
    /// The file to score: the upload itself, or for a container submission the prediction file its run produced.
    public let scoredFileName: String
    public let scoredSHA256: String

    public init(submission: StoredSubmission, challenge: String, phase: String, predictions: AcceptedFile? = nil) {
        self.submission = submission
        self.challenge = challenge
        self.phase = phase
        self.scoredFileName = predictions?.fileName ?? submission.fileName
        self.scoredSHA256 = predictions?.sha256 ?? submission.fileSHA256
    }
}
