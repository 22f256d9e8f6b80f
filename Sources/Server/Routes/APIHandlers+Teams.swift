import Challenge
import Foundation
import Hummingbird
import Intake
import Store

extension APIHandlers {
    private struct JoinTeam: Decodable {
        let invitation: String
    }

    private struct InvitationView: Encodable {
        let team: String
        let invitation: String
        let url: String
        let expiresAt: Date
    }

    private struct JoiningView: Encodable {
        let team: String
        let mergedFrom: String?
    }

    /// A single-use invitation to the caller's team, shown once.
    func inviteToTeam(_ context: APIRequestContext, caller: Caller) async throws -> Response {
        guard case .participant(let account) = caller else { throw APIError.forbidden("only a participant's own token invites to its team") }
        let (slug, now) = (try context.parameters.require("challenge"), clock())
        let (team, link) = try await blocking { [store] in try ParticipantGate(store: store).invite(by: account, in: slug, now: now) }
        return try Self.json(InvitationView(team: team?.name ?? "", invitation: link, url: TeamInvitation.path(challenge: slug, link: link),
                                            expiresAt: now.addingTimeInterval(TeamInvitation.lifetime)), status: .created)
    }

    /// Spends an invitation for the caller: it joins the team, or merges its own team into it.
    func joinTeam(_ request: Request, context: APIRequestContext, caller: Caller) async throws -> Response {
        guard case .participant(let account) = caller else { throw APIError.forbidden("only a participant's own token joins a team") }
        let (slug, now) = (try context.parameters.require("challenge"), clock())
        let body = try await decode(JoinTeam.self, from: request, context: context, upTo: 4096)
        guard body.invitation.utf8.count <= 128 else { throw APIError.badRequest("an invitation has at most 128 characters", code: "invalid-invitation") }
        let joining = try await blocking { [store] in
            try ParticipantGate(store: store).join(account, invitation: body.invitation, in: slug, now: now)
        }
        switch joining {
        case .joined(let team): return try Self.json(JoiningView(team: team.name, mergedFrom: nil))
        case .merged(let from, let into): return try Self.json(JoiningView(team: into.name, mergedFrom: from.name))
        }
    }
}
