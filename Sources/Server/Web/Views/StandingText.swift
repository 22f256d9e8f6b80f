import Store

/// An account's standing in a challenge, in a few words for its pages.
enum StandingText {
    static func describe(_ standing: ChallengeStanding, next: ChallengeStanding.Step?) -> String {
        switch next {
        case .verifyEmail: "confirm your e-mail address to take part"
        case .acceptTerms(let changed): changed ? "the rules have changed: accept them again" : "not joined: read and accept the rules"
        case .requestAccess: "rules accepted: ask for access"
        case .awaitApproval: "access requested: awaiting the organisers"
        case .refused: "access refused by the organisers"
        case nil: standing.team.map { "taking part in team \($0.name)" } ?? "admitted: create or join a team"
        }
    }
}
