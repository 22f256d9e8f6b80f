import Store

/// Who is asking, as their bearer token says.
public enum Caller: Sendable, Equatable {
    case anonymous
    case organiser
    /// An annotator token, by its id: what a study binds its readers and adjudicators to.
    case annotator(tokenID: Int64)
    case team(StoredTeam)

    /// The name used in metrics labels and logs (never a token or a team's name).
    var role: String {
        switch self {
        case .anonymous: "anonymous"
        case .organiser: "organiser"
        case .annotator: "annotator"
        case .team: "team"
        }
    }

    init(_ identity: TokenIdentity) {
        switch (identity.role, identity.team) {
        case (.organiser, _): self = .organiser
        case (.annotator, _): self = .annotator(tokenID: identity.tokenID)
        case (.team, let team?): self = .team(team)
        case (.team, nil): self = .anonymous
        }
    }
}
