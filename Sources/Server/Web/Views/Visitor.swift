import Store

/// Who opened a page: the caller their session stands for, and the session itself (for its CSRF token).
struct Visitor: Sendable {
    let caller: Caller
    let session: WebSession?

    static let anonymous = Visitor(caller: .anonymous, session: nil)

    /// The account signed in, whether or not the page scoped it to its team.
    var account: AccountRef? { session?.identity.account }

    /// How the header names them: the team's name, or the role.
    var name: String? {
        if let account { return account.email.text }
        return switch caller {
        case .anonymous, .participant: nil
        case .team(let team): team.name
        case .organiser: "organiser"
        case .annotator: "annotator"
        }
    }

    /// The same visitor, as the caller a page of one challenge sees.
    func scoped(to caller: Caller) -> Visitor {
        Visitor(caller: caller, session: session)
    }

    var team: StoredTeam? {
        if case .team(let team) = caller { return team }
        return nil
    }
}
