import Foundation
import PlatformSupport
import Store
import Testing

/// A submission to a container phase is run before it is scored: its run job, fenced like any job, records a report
/// and either queues the output's scoring or fails the submission with a message safe for the team.
@Suite("Store conformance: container runs")
struct ContainerRunConformanceTests {
    static let container = "{ layout: whole-set, inputs: { slide: value } }"
    static let image = SubmittedImage(imageID: "sha256:" + String(repeating: "ab", count: 32), format: "docker-archive", architecture: "amd64")
    static let report = ContainerRunReport(verdict: .succeeded, exitCode: 0, durationSeconds: 1.5, peakMemoryBytes: 12 << 20, logSHA256: nil)

    /// A platform whose phase takes containers, with one image accepted from team alpha.
    func accepted(_ adapter: StoreAdapter) throws -> (Platform, StoredSubmission) {
        let platform = try Platform(adapter: adapter, container: Self.container)
        let team = try #require(try platform.store.authenticate(token: try platform.addTeam("alpha"))?.team)
        let digest = try platform.store.blobs.put(Array("image bytes".utf8))
        let file = AcceptedFile(fileName: "model.tar.gz", sha256: digest, byteCount: 11, image: Self.image)
        let submission = try platform.store.acceptSubmission(file, phase: try platform.phase(), team: team, challenge: "small", now: platform.at(1))
        return (platform, submission)
    }

    func predictions(_ platform: Platform) throws -> AcceptedFile {
        let bytes = Platform.predictions([0, 1, 2, 0, 1, 2])
        return AcceptedFile(fileName: "predictions.csv", sha256: try platform.store.blobs.put(bytes), byteCount: bytes.count)
    }

    @Test(arguments: StoreAdapter.all)
    func containerSubmissionIsQueuedToRunNotToBeScored(_ adapter: StoreAdapter) throws {
        let (platform, submission) = try accepted(adapter)
        #expect(try platform.store.claimJobs(worker: "judge", limit: 10, leaseSeconds: 60, now: platform.at(2)).isEmpty)
        let runs = try platform.store.claimRuns(worker: "runner", limit: 10, leaseSeconds: 60, now: platform.at(2), maxAttempts: 3)
        #expect(runs.map(\.submissionID) == [submission.id])
        let record = try #require(try platform.store.containerRun(submissionID: submission.id))
        #expect(record.image == Self.image)
        #expect(record.report == nil)
    }

    @Test(arguments: StoreAdapter.all)
    func successfulRunQueuesItsPredictionsForScoring(_ adapter: StoreAdapter) throws {
        let (platform, submission) = try accepted(adapter)
        let run = try #require(try platform.store.claimRuns(worker: "runner", limit: 1, leaseSeconds: 60, now: platform.at(2), maxAttempts: 3).first)
        let output = try predictions(platform)
        #expect(try platform.store.finishRun(run, report: Self.report, predictions: output, now: platform.at(3)))
        let job = try #require(try platform.store.claimJobs(worker: "judge", limit: 10, leaseSeconds: 60, now: platform.at(4)).first)
        let context = try platform.store.jobContext(job)
        #expect(job.submissionID == submission.id)
        #expect(context.scoredSHA256 == output.sha256)
        #expect(context.scoredFileName == "predictions.csv")
        #expect(try platform.store.jobContexts([job]).map(\.scoredSHA256) == [output.sha256])
        let record = try #require(try platform.store.containerRun(submissionID: submission.id))
        #expect(record.report == Self.report)
        #expect(record.predictions == output)
    }

    @Test(arguments: StoreAdapter.all)
    func failedRunFailsTheSubmissionWithAMessageForTheTeam(_ adapter: StoreAdapter) throws {
        let (platform, submission) = try accepted(adapter)
        let run = try #require(try platform.store.claimRuns(worker: "runner", limit: 1, leaseSeconds: 60, now: platform.at(2), maxAttempts: 3).first)
        let timedOut = ContainerRunReport(verdict: .timedOut, durationSeconds: 60, peakMemoryBytes: nil, logSHA256: nil)
        try platform.store.finishRun(run, report: timedOut, predictions: nil, now: platform.at(3))
        let stored = try platform.store.submission(submission.id)
        #expect(stored.status == .failed)
        #expect(stored.failure == "the container was stopped at its time limit")
        #expect(try platform.store.claimJobs(worker: "judge", limit: 10, leaseSeconds: 60, now: platform.at(4)).isEmpty)
    }

    @Test(arguments: StoreAdapter.all)
    func finishingARunIsFencedOnTheLeaseHeldNow(_ adapter: StoreAdapter) throws {
        let (platform, submission) = try accepted(adapter)
        let stale = try #require(try platform.store.claimRuns(worker: "killed", limit: 1, leaseSeconds: 60, now: platform.at(2), maxAttempts: 3).first)
        let current = try #require(try platform.store.claimRuns(worker: "next", limit: 1, leaseSeconds: 60, now: platform.at(100), maxAttempts: 3).first)
        #expect(current.attempt == 2)
        #expect(try platform.store.finishRun(stale, report: Self.report, predictions: try predictions(platform), now: platform.at(101)) == false)
        #expect(try platform.store.containerRun(submissionID: submission.id)?.report == nil)
        #expect(try platform.store.finishRun(current, report: Self.report, predictions: try predictions(platform), now: platform.at(102)))
        #expect(try platform.store.jobAndEvaluationCounts()[submission.id]?.jobs == 2)
    }

    @Test(arguments: StoreAdapter.all)
    func runWhoseRunnersKeepDyingIsQuarantinedAndItsSubmissionFails(_ adapter: StoreAdapter) throws {
        let (platform, submission) = try accepted(adapter)
        for attempt in 1...2 {
            #expect(try platform.store.claimRuns(worker: "w\(attempt)", limit: 1, leaseSeconds: 60, now: platform.at(Double(attempt) * 100),
                                                 maxAttempts: 2).map(\.attempt) == [attempt])
        }
        #expect(try platform.store.claimRuns(worker: "w3", limit: 1, leaseSeconds: 60, now: platform.at(1000), maxAttempts: 2).isEmpty)
        #expect(try platform.store.submission(submission.id).status == .failed)
        #expect(try platform.store.failedJobs().map(\.kind) == [.run])
    }

    @Test(arguments: StoreAdapter.all)
    func imageIsNeededOnlyWhileARunOfItIsWaitingOrRunning(_ adapter: StoreAdapter) throws {
        let (platform, _) = try accepted(adapter)
        #expect(try platform.store.imageStillNeeded(Self.image.imageID, now: platform.at(2)))
        let run = try #require(try platform.store.claimRuns(worker: "runner", limit: 1, leaseSeconds: 60, now: platform.at(2), maxAttempts: 3).first)
        #expect(try platform.store.imageStillNeeded(Self.image.imageID, now: platform.at(3)))
        try platform.store.finishRun(run, report: Self.report, predictions: try predictions(platform), now: platform.at(4))
        #expect(try platform.store.imageStillNeeded(Self.image.imageID, now: platform.at(5)) == false)
    }

    @Test(arguments: StoreAdapter.all)
    func rejudgingSkipsContainerSubmissionsWithoutOutput(_ adapter: StoreAdapter) throws {
        let (platform, _) = try accepted(adapter)
        #expect(try platform.store.requeue(challenge: try platform.store.challenge("small"), phase: nil, now: platform.at(2)) == 0)
    }

    @Test(arguments: StoreAdapter.all)
    func caseInputsBelongToTruthCasesAndAreReadForTheCasesAsked(_ adapter: StoreAdapter) throws {
        let platform = try Platform(adapter: adapter, container: Self.container)
        let digest = try platform.store.blobs.put(Array("{}".utf8))
        let inputs = ["A", "B", "E"].map { StoredCaseInput(caseID: $0, interface: "slide", fileName: "slide.json", sha256: digest, byteCount: 2) }
        try platform.store.importCaseInputs(inputs, challenge: "small", now: platform.at(0))
        let challenge = try platform.store.challenge("small")
        #expect(try platform.store.caseInputs(challenge: challenge, caseIDs: ["A", "B", "C", "D"]).map(\.caseID) == ["A", "B"])
        let stranger = StoredCaseInput(caseID: "Z", interface: "slide", fileName: "slide.json", sha256: digest, byteCount: 2)
        #expect(throws: StoreError.unknownCase(challenge: "small", caseID: "Z")) {
            try platform.store.importCaseInputs(inputs + [stranger], challenge: "small", now: platform.at(1))
        }
        #expect(try platform.store.caseInputs(challenge: challenge, caseIDs: ["A", "B", "E"]).count == 3)
    }
}
