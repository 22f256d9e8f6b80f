import Store

/// Who opened a page: the caller their session stands for, and the session itself (for its CSRF token).
struct Visitor: Sendable {
    let caller: Caller
    let session: WebSession?

    static let anonymous = Visitor(caller: .anonymous, session: nil)

    /// How the header names them: the team's name, or the role.
    var name: String? {
        switch caller {
        case .anonymous: nil
        case .team(let team): team.name
        case .organiser: "organiser"
        case .annotator: "annotator"
        }
    }

    var team: StoredTeam? {
        if case .team(let team) = caller { return team }
        return nil
    }
}
