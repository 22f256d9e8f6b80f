import Foundation

/// A container submission's run as stored: the image, and once a run ended, its report and the output it produced.
public struct ContainerRunRecord: Sendable, Equatable {
    public let submissionID: Int64
    public let image: SubmittedImage
    /// Nil while the run has not ended.
    public let report: ContainerRunReport?
    /// The prediction file gathered from the output, when the run succeeded.
    public let predictions: AcceptedFile?
    public let finishedAt: Date?

    public init(submissionID: Int64, image: SubmittedImage, report: ContainerRunReport?, predictions: AcceptedFile?, finishedAt: Date?) {
        self.submissionID = submissionID
        self.image = image
        self.report = report
        self.predictions = predictions
        self.finishedAt = finishedAt
    }
}
