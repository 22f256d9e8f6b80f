import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import NIOCore
import Store

extension WebHandlers {
    /// A team's submissions to a challenge (an organiser's view: everyone's), newest first, with the scores the
    /// leaderboard rules allow. While any is queued or scoring, the page's script fetches it again every few seconds
    /// and replaces the table; without the script, the page refreshes itself.
    func submissions(_ request: PageRequest) async throws -> Response {
        let (slug, caller, now) = (try request.parameter("challenge"), request.visitor.caller, now())
        let api = self.api
        let (challenge, views, phases) = try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            var team: StoredTeam?
            if case .team(let own) = caller {
                guard own.challengeID == challenge.id else { throw APIError.forbidden("this team is not registered for \(slug)") }
                team = own
            }
            let submissions = try store.submissions(challenge: challenge, team: team).sorted { $0.id > $1.id }
            let phases = try store.phases(challenge)
            return (challenge, try api.views(of: submissions, for: caller, challenge: challenge, phases: phases), phases)
        }
        let rules = Dictionary(phases.map { ($0.spec.slug, $0.spec.finalEntry) }, uniquingKeysWith: { first, _ in first })
        let isTeam = request.visitor.team != nil
        let rows = views.map { Self.submissionRow($0, canChoose: isTeam && rules[$0.phase] == .teamChoice, challenge: slug) }
        let pending = views.contains { $0.status == "queued" || $0.status == "scoring" }
        let empty = isTeam ? "No submissions yet. \(SubmissionFormat.line(challenge.spec, phase: phases.last?.spec ?? challenge.spec.phases[0])) Upload it on the Submit page."
            : "No team has submitted yet."
        return try page("submissions", title: (isTeam ? "My submissions · " : "Submissions · ") + challenge.spec.title, visitor: request.visitor,
                        challenge: challenge, current: .submissions,
                        values: ["rows": rows, "hasRows": !rows.isEmpty, "empty": empty, "pending": pending, "showTeam": !isTeam,
                                 "checkedAt": PageTime.values(now)],
                        refreshSeconds: pending ? 5 : nil)
    }

    static func submissionRow(_ view: SubmissionView, canChoose: Bool, challenge: String) -> [String: Any] {
        // One line per metric and split, with four decimals: "public · accuracy 0.5125".
        let scores = (view.scores ?? [:]).sorted { $0.key < $1.key }.flatMap { split, metrics in
            metrics.sorted { $0.key < $1.key }.map { "\(split) · \($0.key) \($0.value.map { String(format: "%.4f", $0) } ?? "–")" }
        }
        return [
            "id": String(view.id), "anchor": "submission-\(view.id)", "phase": view.phase, "team": view.team,
            "fileName": view.fileName, "size": SubmissionFormat.bytes(view.byteCount), "sha256": view.sha256,
            "shortSHA": String(view.sha256.prefix(12)), "submittedAt": PageTime.values(view.submittedAt),
            "status": view.status, "statusClass": "status-" + view.status, "failure": view.failure ?? "",
            "hasFailure": !(view.failure ?? "").isEmpty, "run": view.run.map(Self.runText) ?? "", "hasRun": view.run != nil,
            "logURL": "/challenges/\(challenge)/submissions/\(view.id)/log", "hasLog": view.run?.logURL != nil,
            "scores": scores, "hasScores": !scores.isEmpty, "chosen": view.chosen,
            "canChoose": canChoose && view.status == "scored" && !view.chosen,
            "chooseURL": "/challenges/\(challenge)/submissions/\(view.id)/choose",
        ]
    }

    /// A container run in the team's terms: "container succeeded after 192 s, peak memory 1.2 GB", or its verdict.
    static func runText(_ run: ContainerRunView) -> String {
        guard run.state == "finished", let verdict = run.verdict else { return "container waiting to run" }
        let duration = run.durationSeconds.map { " after \(Int($0.rounded())) s" } ?? ""
        let memory = run.peakMemoryBytes.map { ", peak memory \(SubmissionFormat.bytes(Int($0)))" } ?? ""
        return "container \(verdict)\(duration)\(memory)"
    }

    /// The confirmation before a team marks its final entry: says which entry the leaderboard will use instead.
    func chooseForm(_ request: PageRequest) async throws -> Response {
        let (challenge, submission) = try await ownSubmission(request)
        return try page("confirm", title: "Choose final entry", visitor: request.visitor, challenge: challenge, current: .submissions,
                        values: [
                            "heading": "Make submission \(submission.id) your final entry?",
                            "explanation": "The leaderboard will rank your team by submission \(submission.id) (\(submission.fileName)) in this phase, instead of the entry chosen before. You can choose another until the phase closes.",
                            "action": "/challenges/\(challenge.spec.slug)/submissions/\(submission.id)/choose",
                            "button": "Make it my final entry", "cancel": "/challenges/\(challenge.spec.slug)/submissions",
                        ])
    }

    func choose(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        guard let team = request.visitor.team else { throw APIError.forbidden("only a team can choose its final entry") }
        let (challenge, submission) = try await ownSubmission(request)
        let (intake, now) = (api.intake, now())
        do {
            try await api.blocking { try intake.choose(submission.id, team: team, now: now) }
        } catch let error as IntakeError {
            throw APIError(error, now: now)
        }
        return Self.redirect(to: "/challenges/\(challenge.spec.slug)/submissions#submission-\(submission.id)")
    }

    /// A container run's log, as plain text: organisers read every one; a team only its own, in a phase whose logs
    /// are for teams (the same rule as the API's).
    func runLog(_ request: PageRequest) async throws -> Response {
        let (slug, id, caller) = (try request.parameter("challenge"), try request.context.parameters.require("id", as: Int64.self), request.visitor.caller)
        let api = self.api
        let log = try await api.blocking { [store] in
            try api.containerLog(submission: id, caller: caller, challenge: try store.challenge(slug))
        }
        var headers = PageHeaders.common
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: log)))
    }

    /// A submission of the visitor's own team in this challenge; any other does not exist for them.
    private func ownSubmission(_ request: PageRequest) async throws -> (StoredChallenge, StoredSubmission) {
        let slug = try request.parameter("challenge")
        let id = try request.context.parameters.require("id", as: Int64.self)
        let team = request.visitor.team
        return try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            let submission = try store.submission(id)
            guard let team, submission.teamID == team.id, team.challengeID == challenge.id else { throw StoreError.unknownSubmission(id) }
            return (challenge, submission)
        }
    }
}
