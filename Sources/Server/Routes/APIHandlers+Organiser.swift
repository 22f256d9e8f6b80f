import Challenge
import Foundation
import Hummingbird
import NIOCore
import Store

extension APIHandlers {
    private struct NewTeam: Decodable {
        let name: String
    }

    private struct NewToken: Decodable {
        let label: String?
    }

    func teams(_ context: APIRequestContext) throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        let teams = try store.teamsWithSubmissionCounts(challenge: challenge)
        return try Self.json(teams.map { TeamView(name: $0.team.name, submissions: $0.submissions, token: nil) })
    }

    /// Registers a team; its first token is in the answer and nowhere else, ever.
    func addTeam(_ request: Request, context: APIRequestContext) async throws -> Response {
        let slug = try context.parameters.require("challenge")
        let body = try await decode(NewTeam.self, from: request, context: context)
        // The store checks the name as the schema does (`TeamName`): 400 `invalid-team-name` when it refuses it.
        let (team, token) = try store.addTeam(challenge: slug, name: body.name, now: clock())
        return try Self.json(TeamView(name: team.name, submissions: 0, token: token), status: .created)
    }

    func tokens(_ context: APIRequestContext) throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        return try Self.json(try store.teamTokens(challenge: challenge))
    }

    func issueTeamToken(_ request: Request, context: APIRequestContext) async throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        let team = try store.team(challenge, named: try context.parameters.require("team"))
        let body = try await decode(NewToken.self, from: request, context: context, emptyAllowed: true) ?? NewToken(label: nil)
        if let label = body.label, label.unicodeScalars.count > 100 {
            throw APIError.badRequest("a token label may have at most 100 characters (code points), not \(label.unicodeScalars.count)",
                                      code: "invalid-label")
        }
        let issued = try store.issueToken(role: .team, team: team, label: body.label, now: clock())
        return try Self.json(TeamView(name: team.name, submissions: nil, token: issued.token), status: .created)
    }

    func revokeToken(_ context: APIRequestContext) throws -> Response {
        try store.revokeToken(try context.parameters.require("id", as: Int64.self), now: clock())
        return Response(status: .noContent)
    }

    func setAvailability(_ availability: PhaseAvailability?, context: APIRequestContext) throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        let phase = try store.phase(challenge, try context.parameters.require("phase"))
        try store.setAvailability(availability, of: phase, challenge: challenge.spec.slug, now: clock())
        return try Self.json(PhaseView(try store.phase(challenge, phase.spec.slug), challenge: challenge.spec.slug, now: clock()))
    }

    func publish(_ context: APIRequestContext) throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        let phase = try store.phase(challenge, try context.parameters.require("phase"))
        try store.publishPhase(phase, challenge: challenge.spec.slug, now: clock())
        return try Self.json(PhaseView(try store.phase(challenge, phase.spec.slug), challenge: challenge.spec.slug, now: clock()))
    }

    func rejudge(_ context: APIRequestContext) throws -> Response {
        let challenge = try store.challenge(try context.parameters.require("challenge"))
        let phase = try store.phase(challenge, try context.parameters.require("phase"))
        let queued = try store.requeue(challenge: challenge, phase: phase.spec.slug, now: clock())
        return try Self.json(RejudgeView(queued: queued), status: .accepted)
    }

    /// A small JSON body (organiser forms), with the decoder's complaint passed on as a 400.
    /// `limit`: the most bytes read; a longer body is refused with 413 before any of it is decoded.
    /// `decoder`: the API's own (snake_case keys), or a plain one for a body that carries a client's JSON verbatim.
    func decode<Body: Decodable>(_ type: Body.Type, from request: Request, context: APIRequestContext, upTo limit: Int = 64 * 1024,
                                 decoder: JSONDecoder = APIJSON.decoder) async throws -> Body
    {
        guard let body = try await decode(type, from: request, context: context, emptyAllowed: false, upTo: limit, decoder: decoder) else {
            throw APIError.badRequest("this route needs a JSON body", code: "missing-body")
        }
        return body
    }

    private func decode<Body: Decodable>(_ type: Body.Type, from request: Request, context: APIRequestContext, emptyAllowed: Bool,
                                         upTo limit: Int = 64 * 1024, decoder: JSONDecoder = APIJSON.decoder) async throws -> Body? {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, code: "body-too-large", message: "the JSON body is larger than this route's \(limit) bytes")
        }
        if buffer.readableBytes == 0 && emptyAllowed { return nil }
        do {
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.badRequest("the JSON body is not valid: \(Self.describe(error))", code: "invalid-body")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing field \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            (context.codingPath.map(\.stringValue).joined(separator: ".").isEmpty ? "" : "at \(context.codingPath.map(\.stringValue).joined(separator: ".")): ")
                + context.debugDescription
        @unknown default: "\(error)"
        }
    }
}
