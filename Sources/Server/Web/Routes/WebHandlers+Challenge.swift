import Challenge
import Foundation
import Hummingbird
import Ink
import Intake
import Store

extension WebHandlers {
    func home(_ request: PageRequest) async throws -> Response {
        let now = now()
        let challenges = try await api.blocking { [store] in
            try store.challengeSlugs().map { slug in
                let challenge = try store.challenge(slug)
                return (challenge, try store.phases(challenge))
            }
        }
        let rows: [[String: Any]] = challenges.map { challenge, phases in
            [
                "slug": challenge.spec.slug, "title": challenge.spec.title, "description": challenge.spec.description,
                "phases": phases.map { Self.phaseRow($0, challenge: challenge.spec.slug, now: now) },
            ]
        }
        return try page("home", title: "Challenges", visitor: request.visitor,
                        values: ["challenges": rows, "hasChallenges": !rows.isEmpty])
    }

    /// The README (rendered from the organiser's Markdown), the phases with their dates, and where to go next.
    func challenge(_ request: PageRequest) async throws -> Response {
        let slug = try request.parameter("challenge")
        let now = now()
        let account = request.visitor.account
        let (challenge, phases, readme, standing) = try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            let standing = try account.map { account in
                let (standing, next) = try ParticipantGate(store: store).standing(of: account, in: challenge)
                return StandingText.describe(standing, next: next)
            }
            return (challenge, try store.phases(challenge), try store.document(.readme, challenge: slug), standing)
        }
        let readmeHTML = readme.map { MarkdownParser().html(from: $0.markdown) } ?? ""
        return try page("challenge", title: challenge.spec.title, visitor: request.visitor, challenge: challenge, current: .overview,
                        values: [
                            "description": challenge.spec.description, "readme": readmeHTML, "hasReadme": readme != nil,
                            "phases": phases.map { Self.phaseRow($0, challenge: slug, now: now) },
                            "isTeam": request.visitor.team != nil,
                            "isAccount": account != nil, "standing": standing ?? "",
                        ])
    }

    static func phaseRow(_ phase: StoredPhase, challenge: String, now: Date) -> [String: Any] {
        let view = PhaseView(phase, challenge: challenge, now: now)
        return [
            "slug": view.slug, "title": view.title, "status": view.status, "statusClass": "status-" + view.status,
            "opens": PageTime.values(view.opens), "closes": PageTime.values(view.closes),
            "href": "/challenges/\(challenge)/phases/\(view.slug)",
        ]
    }
}
