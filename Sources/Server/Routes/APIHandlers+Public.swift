import Challenge
import Foundation
import Hummingbird
import Store

extension APIHandlers {
    func readiness() throws -> Response {
        guard store.isReachable() else {
            throw APIError(.serviceUnavailable, code: "not-ready", message: "the database does not answer")
        }
        return Self.text("ready\n")
    }

    func me(_ caller: Caller) throws -> Response {
        switch caller {
        case .team(let team):
            let slug = try store.challengeSlug(id: team.challengeID)
            return try Self.json(IdentityView(role: caller.role, team: team.name, challenge: slug))
        default:
            return try Self.json(IdentityView(role: caller.role, team: nil, challenge: nil))
        }
    }

    func challenges() throws -> Response {
        let now = clock()
        let views = try store.challengeSlugs().map { slug in
            let challenge = try store.challenge(slug)
            return ChallengeView(challenge, phases: try store.phases(challenge), now: now)
        }
        return try Self.json(views)
    }

    func challenge(_ context: APIRequestContext) throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        return try Self.json(ChallengeView(challenge, phases: try store.phases(challenge), now: clock()))
    }

    func phase(_ context: APIRequestContext) throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        let phase = try store.phase(challenge, try context.parameters.require("phase"))
        return try Self.json(PhaseView(phase, challenge: challenge.spec.slug, now: clock()))
    }

    /// The leaderboard JSON the static site publishes: sealed splits are absent from it, not hidden in it.
    func leaderboard(_ context: APIRequestContext) async throws -> Response {
        let slug = try context.parameters.require("challenge")
        _ = try store.challenge(slug)
        return Self.text(try await leaderboards.json(challenge: slug, now: clock()), contentType: "application/json; charset=utf-8")
    }
}
