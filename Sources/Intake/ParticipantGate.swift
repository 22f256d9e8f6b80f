import Challenge
import Foundation
import Store

/// What an account may do in a challenge, decided in one place for the pages, the API and `arbiter submit`: see its
/// team's submissions once in a team; reach the data, form or join a team, and submit once admitted (verified,
/// the current rules and data-use terms accepted, approved where the organisers approve each participant).
public struct ParticipantGate: Sendable {
    let store: any ArbiterStore

    public init(store: any ArbiterStore) {
        self.store = store
    }

    /// The terms of a challenge as its documents now stand.
    public func terms(of challenge: StoredChallenge) throws -> TermsVersion {
        let slug = challenge.spec.slug
        return TermsVersion(rules: try store.document(.rules, challenge: slug), dataUse: try store.document(.dataUse, challenge: slug))
    }

    /// The account's standing and what it still has to do (nil when admitted).
    public func standing(of account: AccountRef, in challenge: StoredChallenge) throws -> (standing: ChallengeStanding, next: ChallengeStanding.Step?) {
        let standing = try store.standing(accountID: account.id, challenge: challenge)
        return (standing, standing.nextStep(terms: try terms(of: challenge), approval: challenge.spec.participation.approval))
    }

    /// Refuses, naming the step, unless the account is admitted.
    @discardableResult
    public func requireAdmitted(_ account: AccountRef, in challenge: StoredChallenge) throws -> ChallengeStanding {
        let (standing, next) = try standing(of: account, in: challenge)
        if let next { throw IntakeError.notAdmitted(challenge: challenge.spec.slug, step: next) }
        return standing
    }

    /// The challenge of `slug`, when the account is admitted to it.
    public func admittedChallenge(_ slug: String, for account: AccountRef) throws -> (challenge: StoredChallenge, standing: ChallengeStanding) {
        let challenge = try store.challenge(slug)
        return (challenge, try requireAdmitted(account, in: challenge))
    }

    /// Creates a team with the admitted account as its first member.
    public func createTeam(named name: String, by account: AccountRef, in slug: String, now: Date) throws -> StoredTeam {
        try store.createTeam(accountID: account.id, challenge: try admittedChallenge(slug, for: account).challenge, name: name, now: now)
    }

    /// A single-use invitation, valid for `TeamInvitation.lifetime`, to the admitted account's team.
    public func invite(by account: AccountRef, in slug: String, now: Date) throws -> (team: StoredTeam?, link: String) {
        let (challenge, standing) = try admittedChallenge(slug, for: account)
        return (standing.team, try store.inviteToTeam(accountID: account.id, challenge: challenge, now: now, lifetime: TeamInvitation.lifetime))
    }

    /// Spends an invitation for the admitted account, within the challenge's `max-team-size`.
    public func join(_ account: AccountRef, invitation: String, in slug: String, now: Date) throws -> TeamJoining {
        let challenge = try admittedChallenge(slug, for: account).challenge
        return try store.joinTeam(invitation: invitation, accountID: account.id, challenge: challenge,
                                  maxTeamSize: challenge.spec.participation.maxTeamSize, now: now)
    }

    /// The account's team, if it may submit now.
    public func submittingTeam(of account: AccountRef, in challenge: StoredChallenge) throws -> StoredTeam {
        guard let team = try requireAdmitted(account, in: challenge).team else {
            throw IntakeError.noTeam(challenge: challenge.spec.slug)
        }
        return team
    }
}
