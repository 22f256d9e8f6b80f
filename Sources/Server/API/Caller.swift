import Store

/// Who is asking, as their bearer token says.
public enum Caller: Sendable, Equatable {
    case anonymous
    case organiser
    /// An annotator token, by its id: what a study binds its readers and adjudicators to.
    case annotator(tokenID: Int64)
    case team(StoredTeam)
    /// A person's account, by its own token or its browser session. Within a challenge whose team it is in, it is
    /// scoped to that team (`ParticipantScope`).
    case participant(AccountRef)

    /// The name used in metrics labels and logs (never a token or a team's name).
    var role: String {
        switch self {
        case .anonymous: "anonymous"
        case .organiser: "organiser"
        case .annotator: "annotator"
        case .team: "team"
        case .participant: "participant"
        }
    }

    init(_ identity: TokenIdentity) {
        switch (identity.role, identity.team) {
        case (.organiser, _): self = .organiser
        case (.annotator, _): self = .annotator(tokenID: identity.tokenID)
        case (.team, let team?): self = .team(team)
        case (.team, nil): self = .anonymous
        case (.participant, _): self = identity.account.map(Caller.participant) ?? .anonymous
        }
    }
}
