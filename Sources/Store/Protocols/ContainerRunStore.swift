import Foundation

/// Container phases: their hidden per-case inputs, and the runs of teams' images. A submission to a container phase is
/// queued as a `.run` job; its runner records the run's report and, when the output passed validation, its prediction
/// file, which queues the ordinary scoring job, all in one fenced transaction.
public protocol ContainerRunStore: Sendable {
    /// Replaces a challenge's per-case inputs (blobs already stored); every case must be in the truth.
    func importCaseInputs(_ inputs: [StoredCaseInput], challenge slug: String, now: Date) throws
    /// The inputs of the given cases (the phase's), by case then interface.
    func caseInputs(challenge: StoredChallenge, caseIDs: [String]) throws -> [StoredCaseInput]
    /// Claims container jobs under a lease, as `claimJobs` claims scoring jobs.
    func claimRuns(worker: String, limit: Int, leaseSeconds: Double, now: Date, maxAttempts: Int) throws -> [ClaimedJob]
    /// Ends a run if the lease is still held: stores the report and either queues `predictions` for scoring or fails
    /// the submission with the report's team message. False (nothing changed) when another claim took the job over.
    @discardableResult
    func finishRun(_ job: ClaimedJob, report: ContainerRunReport, predictions: AcceptedFile?, now: Date) throws -> Bool
    func containerRun(submissionID: Int64) throws -> ContainerRunRecord?
    /// Whether a run still queued or running needs the image (the runner removes an image once none does).
    func imageStillNeeded(_ imageID: String, now: Date) throws -> Bool
}
