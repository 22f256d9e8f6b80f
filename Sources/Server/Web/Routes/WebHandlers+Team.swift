import Challenge
import Foundation
import Hummingbird
import Intake
import Store

extension WebHandlers {
    /// The account's team: its members, an invitation to make, leaving; or, in no team, a form to create one. An
    /// account that has not done its part yet is sent to the join page.
    func team(_ request: PageRequest, problem: String? = nil) async throws -> Response {
        let (slug, account) = (try request.parameter("challenge"), try requireAccount(request))
        let (challenge, standing, next, members) = try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            let (standing, next) = try ParticipantGate(store: store).standing(of: account, in: challenge)
            return (challenge, standing, next, try standing.team.map { try store.members(team: $0) } ?? [])
        }
        if next != nil { return Self.redirect(to: "/challenges/\(slug)/join") }
        let maxSize = challenge.spec.participation.maxTeamSize
        return try page("team", title: standing.team.map { "Team \($0.name)" } ?? "Your team", visitor: request.visitor, challenge: challenge,
                        current: .team, values: [
                            "hasTeam": standing.team != nil, "teamName": standing.team?.name ?? "",
                            "members": members.map { ["email": $0.email.text, "joined": PageTime.values($0.joinedAt), "isYou": $0.accountID == account.id] },
                            "sizeText": members.count == 1 ? "1 member" : "\(members.count) members", "hasMax": maxSize != nil, "maxSize": maxSize.map(String.init) ?? "",
                            "full": maxSize.map { members.count >= $0 } ?? false,
                            "hasProblem": problem != nil, "problem": problem ?? "",
                        ], status: problem == nil ? .ok : .unprocessableContent)
    }

    func createTeam(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request)
        let (slug, account, now) = (try request.parameter("challenge"), try requireAccount(request), now())
        let name = form["name"] ?? ""
        do {
            _ = try await api.blocking { [store] in try ParticipantGate(store: store).createTeam(named: name, by: account, in: slug, now: now) }
        } catch StoreError.invalidTeamName(_, _, let reason) {
            return try await team(request, problem: "That team name cannot be used: \(reason).")
        }
        return Self.redirect(to: "/challenges/\(slug)/team")
    }

    /// Makes a single-use invitation link and shows it once.
    func inviteToTeam(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        let (slug, account, now) = (try request.parameter("challenge"), try requireAccount(request), now())
        let (challenge, link) = try await api.blocking { [store] in
            (try store.challenge(slug), try ParticipantGate(store: store).invite(by: account, in: slug, now: now).link)
        }
        return try page("token", title: "Invitation", visitor: request.visitor, challenge: challenge, current: .team, values: [
            "heading": "Invitation to your team", "token": accounts.publicURL + TeamInvitation.path(challenge: slug, link: link),
            "secretName": "link", "secretLabel": "Invitation link", "back": "/challenges/\(slug)/team", "backLabel": "Back to your team",
            "instruction": "Send it to one person; it works once, for a week. Whoever opens it signed in, and has accepted the rules, joins your team (bringing their own team along, if they have one and the limits allow).",
        ])
    }

    /// What opening an invitation would do: join the team, or merge one's own team into it.
    func invitation(_ request: PageRequest) async throws -> Response {
        let (slug, account) = (try request.parameter("challenge"), try requireAccount(request))
        let link = String((request.request.uri.queryParameters.get("invitation") ?? "").prefix(128))
        let now = now()
        let (challenge, invitation, standing, next) = try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            let (standing, next) = try ParticipantGate(store: store).standing(of: account, in: challenge)
            return (challenge, try store.invitation(link, now: now), standing, next)
        }
        guard let invitation, invitation.team.challengeID == challenge.id else {
            return try message(request, title: "Invitation not valid", heading: "This invitation does not work",
                               text: "It may have been used already or have expired after a week. Ask the team for a new one.",
                               link: ("/challenges/\(slug)/team", "Your team"), warning: true, challenge: challenge, status: .notFound)
        }
        // Not yet admitted: the join page carries the invitation through accepting the terms, and back here after.
        if next != nil { return Self.redirect(to: Self.joinPath(slug, carrying: link)) }
        let merging = standing.team.map { $0.id != invitation.team.id } ?? false
        return try page("invitation", title: "Join \(invitation.team.name)", visitor: request.visitor, challenge: challenge, current: .team, values: [
            "team": invitation.team.name, "invitedBy": invitation.invitedBy.text, "link": link, "merging": merging,
            "ownTeam": standing.team?.name ?? "", "alreadyIn": standing.team?.id == invitation.team.id,
        ])
    }

    func joinTeam(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request)
        let (slug, account, now) = (try request.parameter("challenge"), try requireAccount(request), now())
        let link = String((form["invitation"] ?? "").prefix(128))
        _ = try await api.blocking { [store] in try ParticipantGate(store: store).join(account, invitation: link, in: slug, now: now) }
        return Self.redirect(to: "/challenges/\(slug)/team")
    }

    func leaveTeam(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        let (slug, account, now) = (try request.parameter("challenge"), try requireAccount(request), now())
        try await api.blocking { [store] in
            try store.leaveTeam(accountID: account.id, challenge: try store.challenge(slug), now: now)
        }
        return Self.redirect(to: "/challenges/\(slug)/team")
    }
}
