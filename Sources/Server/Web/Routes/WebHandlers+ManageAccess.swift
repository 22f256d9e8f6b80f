import Foundation
import Hummingbird
import Store

extension WebHandlers {
    /// An organiser approves or refuses an account's access request.
    func decideAccess(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        let (slug, decision, now) = (try request.parameter("challenge"), try request.parameter("decision"), now())
        guard let accountID = Int64(try request.parameter("account")), ["approve", "refuse"].contains(decision) else {
            throw APIError.notFound("no such access decision; the decisions are approve and refuse")
        }
        try await api.blocking { [store] in
            try store.decideAccess(accountID: accountID, challenge: try store.challenge(slug), approve: decision == "approve", now: now)
        }
        return Self.redirect(to: "/challenges/\(slug)/manage")
    }

    /// An organiser removes a member from its team; the team keeps its submissions.
    func removeMember(_ request: PageRequest) async throws -> Response {
        _ = try await checkedForm(request)
        let (slug, teamName, now) = (try request.parameter("challenge"), try request.parameter("team"), now())
        guard let accountID = Int64(try request.parameter("account")) else { throw APIError.notFound("no such member") }
        try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            try store.removeMember(accountID: accountID, team: try store.team(challenge, named: teamName), now: now)
        }
        return Self.redirect(to: "/challenges/\(slug)/manage")
    }
}
