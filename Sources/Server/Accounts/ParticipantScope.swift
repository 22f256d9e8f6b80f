import Intake
import Store

/// Within one challenge, an account acts as its team: the pages and the API both ask here. Submitting asks more of
/// the account than reading its team's submissions (the current terms accepted, approval), and `ParticipantGate`
/// says which step is missing.
enum ParticipantScope {
    static func caller(for account: AccountRef, in challenge: StoredChallenge, submitting: Bool, store: any ArbiterStore) throws -> Caller {
        if submitting { return .team(try ParticipantGate(store: store).submittingTeam(of: account, in: challenge)) }
        return try store.standing(accountID: account.id, challenge: challenge).team.map(Caller.team) ?? .participant(account)
    }
}
