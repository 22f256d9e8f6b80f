import Challenge
import Evaluation
import Foundation
import Intake
import Logging
import Store

/// Runs container submissions (`arbiter run`): claims `.run` jobs under a lease kept alive while the container works,
/// runs the team's image (or code package) with Podman on the phase's hidden inputs within the phase's limits, gathers
/// the output into a prediction file, validates it with the intake's validator, and records the run: its output is
/// then queued for the judge like any upload. A runner killed mid-run leaves its job to the next claim after the lease;
/// the orphaned container, labelled with the job, is removed before the job runs again.
public struct ContainerRunner: Sendable {
    public let store: any ArbiterStore
    public let engine: PodmanEngine
    public let worker: String
    /// Where run workspaces go (inputs staged, outputs collected); each is removed when its run ends.
    public let scratch: String
    public let leaseSeconds: Double
    public let maxAttempts: Int
    public let clock: @Sendable () -> Date
    public let logger: Logger
    let intake: SubmissionIntake

    public init(store: any ArbiterStore, engine: PodmanEngine, worker: String, scratch: String, leaseSeconds: Double = 60,
                maxAttempts: Int = JobQueue.defaultMaxAttempts, clock: @escaping @Sendable () -> Date = Date.init,
                logger: Logger = Logger(label: "arbiter.runner")) {
        self.store = store
        self.engine = engine
        self.worker = worker
        self.scratch = scratch
        self.leaseSeconds = leaseSeconds
        self.maxAttempts = maxAttempts
        self.clock = clock
        self.logger = logger
        self.intake = SubmissionIntake(store: store)
    }

    /// The label every container of a job carries (under `jobLabelKey`), by which a later attempt finds the orphans of
    /// a killed runner: the store's tag and the job id, so runners of different stores sharing one Podman never take
    /// each other's containers for orphans (job ids restart at 1 in every store).
    public static func containerLabel(jobID: Int64, storeLocation: String) -> String {
        String(ContentDigest.sha256(Array(storeLocation.utf8)).prefix(12)) + "-" + String(jobID)
    }

    public static let jobLabelKey = "arbiter.job"

    /// Refuses to start on a host without the GPUs a registered container phase needs, rather than at its first job.
    public func checkHost() throws {
        for challenge in try store.challengeSlugs().map(store.challenge) {
            for phase in challenge.spec.phases {
                guard let container = phase.container, container.gpus > engine.settings.gpuDevices.count else { continue }
                throw RunnerError.missingGPUs(challenge: challenge.spec.slug, phase: phase.slug, needed: container.gpus,
                                              offered: engine.settings.gpuDevices.count)
            }
        }
    }

    /// Claims and runs up to `limit` jobs one after another; returns how many were claimed.
    @discardableResult
    public func runPending(limit: Int = 1) async throws -> Int {
        let jobs = try store.claimRuns(worker: worker, limit: limit, leaseSeconds: leaseSeconds, now: clock(), maxAttempts: maxAttempts)
        let keeper = LeaseKeeper(store: store, leaseSeconds: leaseSeconds, clock: clock, logger: logger)
        for job in jobs {
            try await keeper.keeping([job.lease]) { try await self.run(job) }
        }
        return jobs.count
    }

    /// Runs jobs until cancelled, waiting for new ones (or `poll`) when the queue is empty.
    public func watch(poll: Duration) async throws {
        while !Task.isCancelled {
            if try await runPending() == 0 { await store.waitForJobs(timeout: poll) }
        }
    }

    func run(_ job: ClaimedJob) async throws {
        let submission = try store.submission(job.submissionID)
        let (challenge, phase) = try store.challengeAndPhase(of: submission)
        guard let container = phase.spec.container, let record = try store.containerRun(submissionID: submission.id) else {
            throw RunnerError.notAContainerSubmission(submission.id)
        }
        let label = Self.containerLabel(jobID: job.jobID, storeLocation: store.location)
        try await engine.removeContainers(labelled: Self.jobLabelKey, value: label)
        let workspace = try TemporaryFolder(prefix: "arbiter-run-\(job.jobID)-\(job.attempt)", in: scratch)
        defer { RunFolders.remove(workspace.path) }
        var log = RunLog(limit: engine.logLimit)
        let execution = RunExecution(job: job, label: label, container: container, workspace: workspace.path, engine: engine)
        let ending: RunEnding
        do {
            let image = try await prepareImage(record.image, submission: submission, container: container, workspace: workspace.path)
            let caseIDs = try store.caseIDs(challenge: challenge, splits: phase.spec.cases)
            let inputs = RunInputs(blobs: store.blobs, caseIDs: caseIDs,
                                   inputs: try store.caseInputs(challenge: challenge, caseIDs: caseIDs))
            ending = try await execution.run(image: image, inputs: inputs, log: &log)
        } catch let unusable as UnusableImage {
            log.append(Array("the image could not be used: \(unusable.reason)\n".utf8))
            ending = RunEnding(verdict: .unusableImage, durationSeconds: 0)
        }
        var report = ending.report(logSHA256: log.bytes.isEmpty ? nil : try store.blobs.put(log.bytes))
        var predictions: AcceptedFile?
        if let gathered = ending.output {
            do {
                try intake.validateOutput(path: gathered.path, fileName: gathered.fileName, byteCount: try fileSize(gathered.path),
                                          challenge: challenge.spec.slug, phase: phase.spec.slug)
                predictions = try adopt(gathered)
            } catch IntakeError.invalidFile(let failure) {
                report = report.withVerdict(.invalidOutput, problems: failure.problems.count, firstKind: failure.problems.first?.kind.rawValue)
            }
        }
        let recorded = try store.finishRun(job, report: report, predictions: predictions, now: clock())
        logger.info("container run ended", metadata: [
            "job": "\(job.jobID)", "submission": "\(submission.id)", "verdict": "\(report.verdict.rawValue)", "recorded": "\(recorded)",
        ])
        if !record.image.isCodePackage, try !store.imageStillNeeded(record.image.imageID, now: clock()) {
            try? await engine.removeImage(record.image.imageID)
        }
    }

    /// The image to run and the command: the team's own image (loaded from its archive unless this host has it), or
    /// the phase's runtime image with the team's code package unpacked for `/code`.
    private func prepareImage(_ image: SubmittedImage, submission: StoredSubmission, container: ContainerPhaseSpec,
                              workspace: String) async throws -> PreparedImage {
        if image.isCodePackage, let runtime = container.runtime {
            let archive = try store.blobs.verifiedFile(submission.fileSHA256)
            let code: TemporaryFolder
            do {
                code = try CaseFiles.unpack(archive.path, displayName: submission.fileName, budget: CodePackage.budget, scratch: workspace)
            } catch {
                throw UnusableImage(reason: "\(error)")
            }
            try RunFolders.makeReadable(code.path)
            return PreparedImage(reference: runtime.image, command: runtime.command, code: code)
        }
        if try await !engine.imageExists(image.imageID) {
            let archive = try store.blobs.verifiedFile(submission.fileSHA256)
            let loaded: String
            do { loaded = try await engine.load(archive: archive.path) } catch { throw UnusableImage(reason: "\(error)") }
            guard loaded == image.imageID else {
                throw UnusableImage(reason: "the engine loaded \(loaded), not the image \(image.imageID) inspected at upload")
            }
        }
        return PreparedImage(reference: image.imageID, command: nil, code: nil)
    }

    /// Copies a gathered prediction file into the blob store.
    private func adopt(_ gathered: OutputGathering.Gathered) throws -> AcceptedFile {
        let file = try UploadedFile.copying(gathered.path, into: store.blobs)
        try store.blobs.adopt(file.url, digest: file.sha256)
        return AcceptedFile(fileName: gathered.fileName, sha256: file.sha256, byteCount: file.byteCount)
    }

    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}

/// The image a run starts, with its command and any code package to mount.
struct PreparedImage {
    let reference: String
    let command: [String]?
    let code: TemporaryFolder?
}

struct UnusableImage: Error {
    let reason: String
}
