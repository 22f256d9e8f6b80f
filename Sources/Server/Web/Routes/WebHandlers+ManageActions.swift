import Challenge
import Foundation
import Hummingbird
import Store

extension WebHandlers {
    /// The confirmation of a phase action: what will change, who will see it; publishing asks for the slug typed.
    func phaseActionForm(_ request: PageRequest, mistyped: Bool = false) async throws -> Response {
        let (challenge, phase, action) = try await phaseAndAction(request)
        var values: [String: Any] = [
            "heading": "\(action.label.replacingOccurrences(of: "…", with: "")) \(phase.spec.title)?",
            "explanation": action.consequence(phase),
            "action": "/challenges/\(challenge.spec.slug)/manage/phases/\(phase.spec.slug)/\(action.rawValue)",
            "button": action.label.replacingOccurrences(of: "…", with: ""), "cancel": "/challenges/\(challenge.spec.slug)/manage",
            "typedSlug": action.needsTypedSlug, "slug": phase.spec.slug,
            "hasProblem": mistyped, "problem": mistyped ? "Type the phase's slug, \(phase.spec.slug), exactly to confirm." : "",
        ]
        values["danger"] = action == .publish || action == .close
        return try page("confirm", title: "Confirm", visitor: request.visitor, challenge: challenge, current: .manage, values: values,
                        status: mistyped ? .unprocessableContent : .ok)
    }

    func phaseAction(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request)
        let (challenge, phase, action) = try await phaseAndAction(request)
        if action.needsTypedSlug, form["confirm"]?.trimmingCharacters(in: .whitespaces) != phase.spec.slug {
            return try await phaseActionForm(request, mistyped: true)
        }
        let (slug, now) = (challenge.spec.slug, now())
        try await api.blocking { [store] in
            switch action {
            case .open: try store.setAvailability(.open, of: phase, challenge: slug, now: now)
            case .close: try store.setAvailability(.closed, of: phase, challenge: slug, now: now)
            case .schedule: try store.setAvailability(nil, of: phase, challenge: slug, now: now)
            case .publish: try store.publishPhase(phase, challenge: slug, now: now)
            case .rejudge: _ = try store.requeue(challenge: challenge, phase: phase.spec.slug, now: now)
            }
        }
        return Self.redirect(to: "/challenges/\(slug)/manage")
    }

    private func phaseAndAction(_ request: PageRequest) async throws -> (StoredChallenge, StoredPhase, PhaseAction) {
        let (slug, phaseSlug) = (try request.parameter("challenge"), try request.parameter("phase"))
        guard let action = PhaseAction(rawValue: try request.parameter("action")) else {
            throw APIError.notFound("no such phase action; the actions are \(PhaseAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (challenge, phase) = try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            return (challenge, try store.phase(challenge, phaseSlug))
        }
        return (challenge, phase, action)
    }

    /// Registers a team and shows its first token, this once: the page is not cached and no later page shows it.
    func addTeam(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request)
        let (slug, now) = (try request.parameter("challenge"), now())
        let name = form["name"] ?? ""
        let (challenge, added) = try await api.blocking { [store] in
            (try store.challenge(slug), try store.addTeam(challenge: slug, name: name, now: now))
        }
        return try tokenShownOnce(request, challenge: challenge, team: added.team.name, token: added.token, heading: "Team \(added.team.name) added")
    }

    func issueToken(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request)
        let (slug, teamName, now) = (try request.parameter("challenge"), try request.parameter("team"), now())
        let label = (form["label"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard label.unicodeScalars.count <= 100 else {
            throw APIError.badRequest("a token label may have at most 100 characters, not \(label.unicodeScalars.count)", code: "invalid-label")
        }
        let (challenge, team, issued) = try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            let team = try store.team(challenge, named: teamName)
            return (challenge, team, try store.issueToken(role: .team, team: team, label: label.isEmpty ? nil : label, now: now))
        }
        return try tokenShownOnce(request, challenge: challenge, team: team.name, token: issued.token, heading: "New token for \(team.name)")
    }

    private func tokenShownOnce(_ request: PageRequest, challenge: StoredChallenge, team: String, token: String, heading: String) throws -> Response {
        try page("token", title: heading, visitor: request.visitor, challenge: challenge, current: .manage,
                 values: ["heading": heading, "token": token, "back": "/challenges/\(challenge.spec.slug)/manage", "backLabel": "Back to Manage",
                          "instruction": "Copy it now and give it to team \(team) over a private channel; Arbiter keeps only its digest and can never show it again."])
    }

    func revokeTokenForm(_ request: PageRequest) async throws -> Response {
        let (challenge, token) = try await teamToken(request)
        return try page("confirm", title: "Confirm", visitor: request.visitor, challenge: challenge, current: .manage,
                        values: [
                            "heading": "Revoke token \(token.id) of \(token.team ?? "")?",
                            "explanation": "The token \(token.label.map { "labelled “\($0)”" } ?? "without a label") will stop working at once: scripts using it are refused, and browser sessions opened with it end. The team keeps its submissions and can still use its other tokens. This cannot be undone.",
                            "action": "/challenges/\(challenge.spec.slug)/manage/tokens/\(token.id)/revoke", "button": "Revoke the token",
                            "cancel": "/challenges/\(challenge.spec.slug)/manage", "danger": true,
                        ])
    }

    func revokeToken(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        let (challenge, token) = try await teamToken(request)
        let now = now()
        try await api.blocking { [store] in try store.revokeToken(token.id, now: now) }
        return Self.redirect(to: "/challenges/\(challenge.spec.slug)/manage")
    }

    /// A token of one of this challenge's teams; any other id does not exist here.
    private func teamToken(_ request: PageRequest) async throws -> (StoredChallenge, TokenRecord) {
        let (slug, id) = (try request.parameter("challenge"), try request.context.parameters.require("id", as: Int64.self))
        return try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            guard let token = try store.teamTokens(challenge: challenge).first(where: { $0.id == id }) else { throw StoreError.unknownToken(id) }
            return (challenge, token)
        }
    }

    /// The audit log of the challenge, newest first, filtered by actor, action and time (`since`, a date or instant).
    func audit(_ request: PageRequest) async throws -> Response {
        let slug = try request.parameter("challenge")
        let query = request.request.uri.queryParameters
        let (actor, action, since) = (query.get("actor") ?? "", query.get("action") ?? "", query.get("since") ?? "")
        let sinceDate = since.isEmpty ? nil : UTCInstant.parse(since) ?? UTCInstant.parse(since + "T00:00:00Z")
        let (challenge, entries) = try await api.blocking { [store] in
            (try store.challenge(slug), try store.auditLog(challenge: slug))
        }
        let shown = entries.reversed().filter { entry in
            (actor.isEmpty || entry.actor.localizedCaseInsensitiveContains(actor))
                && (action.isEmpty || entry.action.localizedCaseInsensitiveContains(action))
                && (sinceDate.map { entry.at >= $0 } ?? true)
        }
        let rows = shown.prefix(1000).map { entry in
            ["at": PageTime.values(entry.at), "actor": entry.actor, "action": entry.action, "subject": entry.subject ?? "",
             "detail": entry.detail ?? "", "file": entry.fileSHA256.map { String($0.prefix(12)) } ?? ""] as [String: Any]
        }
        return try page("audit", title: "Audit log · \(challenge.spec.title)", visitor: request.visitor, challenge: challenge, current: .manage,
                        values: ["rows": rows, "hasRows": !rows.isEmpty, "actor": actor, "action": action, "since": since,
                                 "badSince": !since.isEmpty && sinceDate == nil, "count": ProblemRows.grouped(shown.count),
                                 "auditURL": "/challenges/\(slug)/manage/audit"])
    }

    /// Builds the leaderboard now (signing a snapshot into its history when the server has the key) and opens it.
    func publishLeaderboard(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        let slug = try request.parameter("challenge")
        _ = try await portal.folder(challenge: slug, now: now(), rebuild: true)
        return Self.redirect(to: "/challenges/\(slug)/leaderboard/")
    }
}
