import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Store

extension WebHandlers {
    /// A phase: its window and rules for everyone; for a team, the upload form with its allowance.
    func phase(_ request: PageRequest) async throws -> Response {
        let (challenge, phase, allowance) = try await phaseAndAllowance(request)
        return try phasePage(request, challenge: challenge, phase: phase, allowance: allowance)
    }

    func phasePage(_ request: PageRequest, challenge: StoredChallenge, phase: StoredPhase, allowance: SubmissionAllowance?,
                   verdict: [String: Any]? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        let now = now()
        let spec = phase.spec
        let accepts = phase.acceptsSubmissions(at: now)
        var values = Self.phaseRow(phase, challenge: challenge.spec.slug, now: now)
        values["format"] = SubmissionFormat.line(challenge.spec, phase: spec)
        values["sizeLimit"] = SubmissionFormat.bytes(spec.uploadByteLimit)
        values["sizeLimitBytes"] = String(spec.uploadByteLimit)
        values["accept"] = spec.container != nil ? ".tar,.gz,.tgz" : challenge.spec.task.kind == .slideClassification ? ".csv,text/csv" : ".tar,.zip,.gz,.tgz"
        values["uploadURL"] = "/challenges/\(challenge.spec.slug)/phases/\(spec.slug)/upload"
        // A team of another challenge sees the phase as anyone does.
        let ownTeam = request.visitor.team?.challengeID == challenge.id
        values["isTeam"] = ownTeam
        values["canUpload"] = ownTeam && accepts
        values["allowance"] = allowance.map { AllowanceText.describe($0, now: now) } ?? ""
        values["allowanceSpent"] = allowance.map { !$0.allowsSubmission } ?? false
        values["hasVerdict"] = verdict != nil
        values["verdict"] = verdict ?? [:]
        return try page("phase", title: "\(spec.title) · \(challenge.spec.title)", visitor: request.visitor, challenge: challenge,
                        current: .submit, values: values, status: status)
    }

    private func phaseAndAllowance(_ request: PageRequest) async throws -> (StoredChallenge, StoredPhase, SubmissionAllowance?) {
        let (slug, phaseSlug, team, now) = (try request.parameter("challenge"), try request.parameter("phase"), request.visitor.team, now())
        return try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            let phase = try store.phase(challenge, phaseSlug)
            guard let team, team.challengeID == challenge.id else { return (challenge, phase, nil) }
            let used = try store.submissions(phase: phase, team: team).map(\.submittedAt)
            return (challenge, phase, SubmissionAllowance(limits: phase.spec.limits, submittedAt: used, now: now))
        }
    }

    /// The upload form's target: the same intake as the API (`?check=1` is its dry run). A valid check or an accepted
    /// file answers with the verdict in place; an accepted one links to the team's submissions, where its status moves.
    func upload(_ request: PageRequest) async throws -> Response {
        guard let team = request.visitor.team else { throw APIError.forbidden("only a team can submit") }
        let dryRun = request.request.uri.queryParameters.get("check") != nil
        let (challenge, phase, _) = try await phaseAndAllowance(request)
        guard team.challengeID == challenge.id else { throw APIError.forbidden("this team is not registered for \(challenge.spec.slug)") }
        do {
            let (handlers, visitor) = (self, request.visitor)
            let outcome = try await api.receiveAndSubmit(request.request, team: team, challenge: challenge.spec.slug, phase: phase.spec.slug,
                                                         dryRun: dryRun, named: nil, rateKey: "team:\(team.id)") { fields in
                try handlers.requireCSRF(fields["csrf"], visitor: visitor)
            }
            let allowance = try await phaseAndAllowance(request).2
            return try phasePage(request, challenge: challenge, phase: phase, allowance: allowance, verdict: Self.verdict(outcome, challenge: challenge.spec.slug))
        } catch let error as APIError where APIHandlers.countedRefusals.contains(error.code) {
            let rows = ProblemRows(error.details)
            let verdict: [String: Any] = [
                "refused": true, "heading": dryRun ? "Check failed" : "Not submitted",
                "message": error.details.isEmpty ? Self.sentence(error.message)
                    : "The file was not accepted: fix the problems listed below and upload it again. Nothing was stored, and your allowance is unchanged.",
                "problems": rows.rows, "hasProblems": !error.details.isEmpty, "problemSummary": rows.summary,
            ]
            let allowance = try await phaseAndAllowance(request).2
            return try phasePage(request, challenge: challenge, phase: phase, allowance: allowance, verdict: verdict, status: error.status)
        }
    }

    private static func verdict(_ outcome: APIHandlers.UploadOutcome, challenge: String) -> [String: Any] {
        let file = "\(outcome.fileName) (\(SubmissionFormat.bytes(outcome.byteCount)), SHA-256 \(outcome.sha256.prefix(12))…)"
        guard let id = outcome.submission?.id else {
            return ["refused": false, "heading": "The file is valid", "message": "\(file) passed every check. Nothing was stored and your allowance is unchanged.",
                    "hasProblems": false]
        }
        return ["refused": false, "heading": "Submitted", "message": "\(file) was stored as submission \(id) and queued for scoring.",
                "hasProblems": false, "link": "/challenges/\(challenge)/submissions#submission-\(id)"]
    }
}
