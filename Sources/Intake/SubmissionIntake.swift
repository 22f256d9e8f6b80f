import Challenge
import Evaluation
import Foundation
import Store

/// Accepts prediction files: identity, phase window, size, validation, durable write, limits, job.
/// The CLI and the HTTP server share it, so both give the same verdict with the same words.
public struct SubmissionIntake: Sendable {
    public let store: any ArbiterStore
    /// Share one cache between the intakes of a process (the server keeps one for its lifetime).
    public let phases: PhaseIntakeCache

    public init(store: any ArbiterStore, phases: PhaseIntakeCache = PhaseIntakeCache()) {
        self.store = store
        self.phases = phases
    }

    /// Makes a submission its team's final entry (team-choice phases). Only while the phase takes submissions: once it
    /// has closed, and above all once its private scores are published, a choice could be made knowing them.
    public func choose(_ submissionID: Int64, team: StoredTeam, now: Date) throws {
        let submission = try store.submission(submissionID)
        guard submission.teamID == team.id else { throw StoreError.unknownSubmission(submissionID) }
        let (challenge, phase) = try store.challengeAndPhase(of: submission)
        guard phase.acceptsSubmissions(at: now) else {
            throw IntakeError.phaseNotOpen(phase: phase.spec.slug, opens: phase.spec.opens, closes: phase.spec.closes)
        }
        try store.chooseFinal(submissionID, team: team, challenge: challenge.spec.slug, now: now)
    }

    /// What can be refused before an upload is read at all: a team of another challenge, a phase that is not open, a
    /// team whose allowance is spent. The server asks before it spools the body.
    /// A dry run is not counted, so it is not refused for a spent allowance (`countsAgainstLimits: false`).
    /// Returns the phase, whose limits the caller needs before it reads the upload.
    @discardableResult
    public func precheck(challenge slug: String, phase phaseSlug: String, team: StoredTeam, now: Date, countsAgainstLimits: Bool = true) throws -> StoredPhase {
        let context = try phases.context(challenge: slug, phase: phaseSlug, store: store)
        guard team.challengeID == context.challenge.id else { throw IntakeError.wrongChallenge(team: team.name, challenge: slug) }
        guard context.phase.acceptsSubmissions(at: now) else {
            throw IntakeError.phaseNotOpen(phase: phaseSlug, opens: context.phase.spec.opens, closes: context.phase.spec.closes)
        }
        guard countsAgainstLimits else { return context.phase }
        do {
            try store.checkLimits(phase: context.phase, team: team, now: now)
        } catch let refusal as LimitRefusal {
            throw IntakeError.limitReached(refusal)
        }
        return context.phase
    }

    /// The checks and the write. With `dryRun`, the file is validated and nothing is stored or counted.
    /// Returns the stored submission (nil on a dry run that passed).
    @discardableResult
    public func submit(
        challenge slug: String, phase phaseSlug: String, token: String, fileName: String, bytes: [UInt8],
        now: Date, dryRun: Bool = false
    ) throws -> StoredSubmission? {
        let team = try submittingTeam(token: token, challenge: slug)
        return try submit(challenge: slug, phase: phaseSlug, team: team, fileName: fileName, bytes: bytes, now: now, dryRun: dryRun)
    }

    /// The team a token submits for: a team token's own, or the team of an account admitted to the challenge.
    public func submittingTeam(token: String, challenge slug: String) throws -> StoredTeam {
        guard let identity = try store.authenticate(token: token) else { throw IntakeError.unauthorized }
        switch (identity.role, identity.team, identity.account) {
        case (.team, let team?, _): return team
        case (.participant, _, let account?): return try ParticipantGate(store: store).submittingTeam(of: account, in: try store.challenge(slug))
        default: throw IntakeError.unauthorized
        }
    }

    /// The same, for a caller whose team is already authenticated (the HTTP server checks tokens before reading a body).
    @discardableResult
    public func submit(
        challenge slug: String, phase phaseSlug: String, team: StoredTeam, fileName: String, bytes: [UInt8],
        now: Date, dryRun: Bool = false
    ) throws -> StoredSubmission? {
        try submit(challenge: slug, phase: phaseSlug, team: team, fileName: fileName, content: .bytes(bytes), now: now, dryRun: dryRun)
    }

    /// The same, for an upload spooled to the blob store's `incoming` folder: validated where it lies, then renamed
    /// into the blob store if accepted. The file is gone when this returns, accepted or not.
    @discardableResult
    public func submit(
        challenge slug: String, phase phaseSlug: String, team: StoredTeam, fileName: String, file: UploadedFile,
        now: Date, dryRun: Bool = false
    ) throws -> StoredSubmission? {
        defer { file.discard() }
        return try submit(challenge: slug, phase: phaseSlug, team: team, fileName: fileName, content: .file(file), now: now, dryRun: dryRun)
    }

    private func submit(
        challenge slug: String, phase phaseSlug: String, team: StoredTeam, fileName: String, content: SubmissionContent,
        now: Date, dryRun: Bool
    ) throws -> StoredSubmission? {
        let context = try phases.context(challenge: slug, phase: phaseSlug, store: store)
        let (challenge, phase) = (context.challenge, context.phase)
        guard team.challengeID == challenge.id else { throw IntakeError.wrongChallenge(team: team.name, challenge: slug) }
        guard phase.acceptsSubmissions(at: now) else {
            throw IntakeError.phaseNotOpen(phase: phaseSlug, opens: phase.spec.opens, closes: phase.spec.closes)
        }
        guard content.byteCount <= phase.spec.uploadByteLimit else {
            throw IntakeError.fileTooLarge(file: fileName, bytes: content.byteCount, limit: phase.spec.uploadByteLimit)
        }
        let audit = dryRun ? nil : RejectionAudit(team: team, now: now)
        var image: SubmittedImage?
        if let container = phase.spec.container {
            image = try inspect(content, fileName: fileName, container: container, context: context, audit: audit)
        } else {
            try validate(content, fileName: fileName, context: context, audit: audit)
        }
        guard !dryRun else { return nil }
        do {
            // Checked again in the insert's transaction; this read only keeps a refused file's bytes off the disk.
            try store.checkLimits(phase: phase, team: team, now: now)
        } catch let refusal as LimitRefusal {
            throw IntakeError.limitReached(refusal)
        }
        let digest: String
        switch content {
        case .bytes(let bytes): digest = try store.blobs.put(bytes)
        case .file(let file):
            try store.blobs.adopt(file.url, digest: file.sha256)
            digest = file.sha256
        }
        let file = AcceptedFile(fileName: fileName, sha256: digest, byteCount: content.byteCount, image: image)
        do {
            return try store.acceptSubmission(file, phase: phase, team: team, challenge: slug, now: now)
        } catch let refusal as LimitRefusal {
            throw IntakeError.limitReached(refusal)
        }
    }

    /// Validates a prediction file that a container's run left at `path` (named `fileName` in messages) with the phase's
    /// validator, exactly as an upload's: throws `IntakeError.invalidFile` with every problem found.
    public func validateOutput(path: String, fileName: String, byteCount: Int, challenge slug: String, phase phaseSlug: String) throws {
        let context = try phases.context(challenge: slug, phase: phaseSlug, store: store)
        let file = UploadedFile(url: URL(fileURLWithPath: path), byteCount: byteCount, sha256: "")
        try validate(.file(file), fileName: fileName, context: context, audit: nil)
    }

    /// Who to record a refused file against; nil for a dry run or a container's output.
    struct RejectionAudit {
        let team: StoredTeam
        let now: Date
    }

    private func validate(_ content: SubmissionContent, fileName: String, context: PhaseIntakeContext, audit: RejectionAudit?) throws {
        let (challenge, phase) = (context.challenge, context.phase)
        guard context.caseCount > 0 else { throw IntakeError.noCases(challenge: challenge.spec.slug) }
        do {
            switch (context.validator, content) {
            case (.classification(let parser), _):
                _ = try parser.parse(try content.bytes(), file: fileName)
            case (.lesion(let scorer), .bytes(let bytes)):
                try scorer.get().validate(bytes, fileName: fileName)
            case (.lesion(let scorer), .file(let file)):
                try scorer.get().validate(path: file.url.path, fileName: fileName)
            }
        } catch let error as ValidationFailure {
            try record(audit, rejecting: content, problems: error.problems.count, challenge: challenge, phase: phase)
            throw IntakeError.invalidFile(error)
        } catch let error as CaseFilesError {
            throw IntakeError.invalidFile(ValidationFailure(file: fileName, problems: [ValidationProblem(.unreadableFile, message: error.message)]))
        } catch let error as ArchiveError {
            throw IntakeError.invalidFile(ValidationFailure(file: fileName, problems: [ValidationProblem(.unreadableFile, byteOffset: error.byteOffset, message: error.description)]))
        }
    }

    func record(_ audit: RejectionAudit?, rejecting content: SubmissionContent, problems: Int, challenge: StoredChallenge,
                        phase: StoredPhase) throws {
        guard let audit else { return }
        try store.audit(AuditEntry(
            at: audit.now, actor: "team:\(audit.team.name)", action: "submission.rejected", challenge: challenge.spec.slug,
            subject: phase.spec.slug, fileSHA256: content.sha256, detail: "\(problems) problems"))
    }
}
