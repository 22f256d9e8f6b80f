import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Store

extension APIHandlers {
    /// Streams the upload to disk (refusing it once past the phase's limit), takes the file out of a multipart
    /// form if it is one, and hands it to the intake, which validates, stores durably and queues it. The token
    /// holds an upload slot from before its body is read until the answer; the CPU-heavy steps run on the upload
    /// threads.
    func submit(_ request: Request, context: APIRequestContext, caller: Caller, rateKey: String) async throws -> Response {
        guard case .team(let team) = caller else { throw APIError.forbidden("only a team token can submit") }
        let slug = try context.parameters.require("challenge")
        let phaseSlug = try context.parameters.require("phase")
        let dryRun = request.uri.queryParameters.get("dry_run").map { ["true", "1", "yes"].contains($0.lowercased()) } ?? false
        let named = try (request.uri.queryParameters.get("file_name") ?? request.uri.queryParameters.get("filename"))
            .map { try UploadFileName.checked($0) }
        let outcome = try await receiveAndSubmit(request, team: team, challenge: slug, phase: phaseSlug, dryRun: dryRun, named: named,
                                                 rateKey: rateKey, checkFields: { _ in })
        return try accepted(outcome, slug: slug, team: team)
    }

    /// What an upload came to: stored (with its submission) or, on a dry run, only found valid.
    struct UploadOutcome: Sendable {
        let submission: StoredSubmission?
        let phase: StoredPhase
        let fileName: String
        let sha256: String
        let byteCount: Int
    }

    /// Streams the upload to disk (refusing it once past the phase's limit), takes the file out of a multipart form
    /// if it is one, and hands it to the intake, which validates, stores durably and queues it. The caller holds an
    /// upload slot from before the body is read until the answer; the CPU-heavy steps run on the upload threads.
    /// `checkFields` sees a form's text fields (a page's CSRF token) before anything is validated or stored.
    func receiveAndSubmit(_ request: Request, team: StoredTeam, challenge slug: String, phase phaseSlug: String, dryRun: Bool,
                          named: String?, rateKey: String, checkFields: @escaping @Sendable ([String: String]) throws -> Void)
        async throws -> UploadOutcome
    {
        do {
            let phase: StoredPhase
            do {
                let (intake, now) = (self.intake, clock())
                phase = try await blocking { try intake.precheck(challenge: slug, phase: phaseSlug, team: team, now: now, countsAgainstLimits: !dryRun) }
            } catch let error as IntakeError {
                metrics.submission(outcome: "refused")
                throw APIError(error, now: clock())
            }
            return try await uploadWork.withSlot(for: rateKey) {
                let file = try await receiveFile(request, phase: phase, named: named)
                defer { file.upload.discard() }
                try checkFields(file.fields)
                if let wait = await uploads.spend(Double(file.upload.byteCount), key: rateKey) {
                    throw APIError(.tooManyRequests, code: "upload-rate-limited",
                                   message: "this token has uploaded too many bytes recently; retry in \(Self.seconds(wait)) s",
                                   retryAfterSeconds: Self.seconds(wait))
                }
                let now = clock()
                let (intake, name) = (self.intake, file.name)
                do {
                    let submission = try await uploadWork.run {
                        try intake.submit(challenge: slug, phase: phaseSlug, team: team, fileName: name, file: file.upload, now: now, dryRun: dryRun)
                    }
                    if submission != nil { metrics.submission(outcome: "accepted") }
                    return UploadOutcome(submission: submission, phase: phase, fileName: name, sha256: submission?.fileSHA256 ?? file.upload.sha256,
                                         byteCount: file.upload.byteCount)
                } catch let error as IntakeError {
                    metrics.submission(outcome: "refused")
                    throw APIError(error, now: now)
                }
            }
        } catch let refusal as APIError where !dryRun && Self.countedRefusals.contains(refusal.code) {
            let (store, now) = (self.store, clock())
            // Best effort: the refusal is the answer, whether or not the count could be written.
            try? await blocking {
                let challenge = try store.challenge(slug)
                try store.recordRefusal(phase: try store.phase(challenge, phaseSlug), team: team, code: refusal.code, message: refusal.message, now: now)
            }
            throw refusal
        }
    }

    /// Refusals of a team's own upload (its file, its allowance, the phase's window): counted on the organisers'
    /// dashboard, and shown on the phase page as the upload's verdict.
    static let countedRefusals: Set<String> = [
        "invalid-file", "file-too-large", "empty-upload", "malformed-form", "limit-reached", "total-limit-reached", "phase-not-open",
    ]

    private func accepted(_ outcome: UploadOutcome, slug: String, team: StoredTeam) throws -> Response {
        guard let stored = outcome.submission else {
            return try Self.json(AcceptedView(id: nil, status: "valid", statusURL: nil, sha256: outcome.sha256, byteCount: outcome.byteCount, dryRun: true))
        }
        let view = SubmissionView(stored, challenge: slug, phase: outcome.phase, team: team.name, scores: nil)
        return try Self.json(
            AcceptedView(id: stored.id, status: stored.status.rawValue, statusURL: view.statusURL, sha256: stored.fileSHA256,
                         byteCount: stored.byteCount, dryRun: false),
            status: .accepted, headers: [.location: view.statusURL])
    }

    /// One submission, for its own team or an organiser; any other team hears it does not exist.
    func submission(_ context: APIRequestContext, caller: Caller) throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        let submission = try store.submission(id)
        return try Self.json(try view(of: submission, for: caller))
    }

    func submissions(_ context: APIRequestContext, caller: Caller) throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        let team: StoredTeam?
        switch caller {
        case .team(let own):
            guard own.challengeID == challenge.id else { throw APIError.forbidden("this team is not registered for \(challenge.spec.slug)") }
            team = own
        default:
            team = nil
        }
        let submissions = try store.submissions(challenge: challenge, team: team)
        return try Self.json(try views(of: submissions, for: caller, challenge: challenge))
    }

    func choose(_ context: APIRequestContext, caller: Caller) throws -> Response {
        guard case .team(let team) = caller else { throw APIError.forbidden("only a team token can choose its final entry") }
        let id = try context.parameters.require("id", as: Int64.self)
        let now = clock()
        do {
            try intake.choose(id, team: team, now: now)
        } catch let error as IntakeError {
            throw APIError(error, now: now)
        }
        return try Self.json(try view(of: try store.submission(id), for: caller))
    }

    func view(of submission: StoredSubmission, for caller: Caller, challenge known: StoredChallenge? = nil) throws -> SubmissionView {
        if case .team(let team) = caller, submission.teamID != team.id { throw StoreError.unknownSubmission(submission.id) }
        let (challenge, _) = try store.challengeAndPhase(of: submission, known: known)
        return try views(of: [submission], for: caller, challenge: challenge)[0]
    }

    /// The views of submissions to one challenge, in their order, in four reads however many there are (phases, team
    /// names, aggregates; a container phase's runs one by one): a page of a team's or every team's entries stays cheap.
    /// `phases`: the challenge's phases, when the caller has them already.
    func views(of submissions: [StoredSubmission], for caller: Caller, challenge: StoredChallenge,
               phases known: [StoredPhase]? = nil) throws -> [SubmissionView] {
        var names: [Int64: String]
        if case .team(let team) = caller {
            if let foreign = submissions.first(where: { $0.teamID != team.id }) { throw StoreError.unknownSubmission(foreign.id) }
            names = [team.id: team.name]
        } else {
            names = Dictionary(try store.teams(challenge: challenge).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        }
        let phases = Dictionary(try (known ?? store.phases(challenge)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let splits = Set(phases.values.flatMap(SubmissionView.visibleSplits)).sorted { $0.rawValue < $1.rawValue }
        let scored = submissions.filter { $0.status == .scored }.map(\.id)
        let aggregates = try store.aggregates(submissionIDs: scored, splits: splits)
        return try submissions.map { submission in
            guard let phase = phases[submission.phaseID] else { throw StoreError.unknownSubmission(submission.id) }
            let visible = SubmissionView.visibleSplits(phase)
            let scores = submission.status == .scored && !visible.isEmpty
                ? (aggregates[submission.id] ?? [:]).filter { visible.contains($0.key) } : nil
            let run = phase.spec.container == nil ? nil : try store.containerRun(submissionID: submission.id).map {
                ContainerRunView($0, logReadable: ContainerRunView.mayReadLog(caller, phase: phase.spec))
            }
            if names[submission.teamID] == nil { names[submission.teamID] = try store.teamName(id: submission.teamID) }
            return SubmissionView(submission, challenge: challenge.spec.slug, phase: phase, team: names[submission.teamID]!, scores: scores, run: run)
        }
    }

    /// A container run's log: organisers read every one; a team only its own, in a phase whose logs are for teams.
    /// Anyone else's submission does not exist for a team, and a hidden phase's log is refused without a word of it.
    func submissionLog(_ context: APIRequestContext, caller: Caller) throws -> Response {
        Self.text(try containerLog(submission: try context.parameters.require("id", as: Int64.self), caller: caller, challenge: nil),
                  contentType: "text/plain; charset=utf-8")
    }

    /// The log of a submission's container run, for a caller allowed to read it; `challenge`, when given, must be the
    /// submission's. The API and the portal both read logs through this one rule.
    func containerLog(submission id: Int64, caller: Caller, challenge: StoredChallenge?) throws -> [UInt8] {
        let submission = try store.submission(id)
        if case .team(let team) = caller, submission.teamID != team.id { throw StoreError.unknownSubmission(id) }
        let (owner, phase) = try store.challengeAndPhase(of: submission, known: challenge)
        if let challenge, owner.id != challenge.id { throw StoreError.unknownSubmission(id) }
        guard ContainerRunView.mayReadLog(caller, phase: phase.spec) else {
            throw APIError.forbidden("this phase keeps its containers' logs for the organisers")
        }
        guard let digest = try store.containerRun(submissionID: id)?.report?.logSHA256 else {
            throw APIError(.notFound, code: "not-found", message: "submission \(id) has no container log")
        }
        return try store.blobs.read(digest)
    }
}
