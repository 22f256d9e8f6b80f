import Challenge
import Foundation
import Hummingbird
import Store

extension WebHandlers {
    /// The organiser's dashboard: what needs attention first (failed jobs, the queue's oldest item, phases opening or
    /// closing within a day), then phases with their actions, teams and tokens, and submissions per team.
    func manage(_ request: PageRequest) async throws -> Response {
        let (slug, now) = (try request.parameter("challenge"), now())
        let snapshot = try await api.blocking { [store] in try ManageSnapshot(store: store, challenge: slug, now: now) }
        let challenge = snapshot.challenge
        let base = "/challenges/\(slug)/manage"
        let phases: [[String: Any]] = snapshot.phases.map { phase in
            var row = Self.phaseRow(phase, challenge: slug, now: now)
            row["actions"] = PhaseAction.allCases.filter { $0.applies(to: phase, now: now) }.map {
                ["href": "\(base)/phases/\(phase.spec.slug)/\($0.rawValue)", "label": $0.label]
            }
            return row
        }
        let tokensByTeam = Dictionary(grouping: snapshot.tokens, by: { $0.team ?? "" })
        let membersByTeam = Dictionary(grouping: snapshot.members, by: { $0.team.id })
        let teams: [[String: Any]] = snapshot.teams.map { team, count in
            [
                "name": team.name, "submissions": String(count), "issueURL": "\(base)/teams/\(Self.pathEscaped(team.name))/tokens",
                "failed": String(snapshot.failedSubmissions[team.id] ?? 0),
                "refused": String(snapshot.refusedByTeam[team.name] ?? 0),
                "members": (membersByTeam[team.id] ?? []).map { member in
                    ["email": member.email.text, "removeURL": "\(base)/teams/\(Self.pathEscaped(team.name))/members/\(member.accountID)/remove"]
                },
                "tokens": (tokensByTeam[team.name] ?? []).map { token in
                    [
                        "id": String(token.id), "label": token.label.map { "“\($0)”" } ?? "", "created": PageTime.values(token.createdAt),
                        "revoked": token.revokedAt != nil, "revokeURL": "\(base)/tokens/\(token.id)/revoke",
                    ] as [String: Any]
                },
            ]
        }
        return try page("manage", title: "Manage · \(challenge.spec.title)", visitor: request.visitor, challenge: challenge, current: .manage,
                        values: [
                            "attention": snapshot.attention, "hasAttention": !snapshot.attention.isEmpty,
                            "phases": phases, "teams": teams, "hasTeams": !teams.isEmpty,
                            "queue": snapshot.queueRows, "failedJobs": snapshot.failedJobRows, "hasFailedJobs": !snapshot.failedJobRows.isEmpty,
                            "refusals": snapshot.refusalRows, "hasRefusals": !snapshot.refusalRows.isEmpty,
                            "requests": snapshot.requests.map { request in
                                [
                                    "email": request.email.text, "affiliation": request.affiliation, "purpose": request.purpose,
                                    "state": request.state.rawValue, "pending": request.state == .pending, "requested": PageTime.values(request.requestedAt),
                                    "approveURL": "\(base)/access/\(request.accountID)/approve", "refuseURL": "\(base)/access/\(request.accountID)/refuse",
                                ] as [String: Any]
                            },
                            "hasRequests": !snapshot.requests.isEmpty, "approval": challenge.spec.participation.approval == .required,
                            "addTeamURL": "\(base)/teams", "auditURL": "\(base)/audit", "publishURL": "\(base)/leaderboard"
                        ])
    }

    static func pathEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
