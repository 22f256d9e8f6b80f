import Foundation

/// How accounts take part in a challenge: the terms they accept, the access they request, the teams they form and
/// leave, and the data files served to them. Every change is audited with the account that made it.
public protocol ParticipationStore: Sendable {
    /// Where the account stands in the challenge.
    func standing(accountID: Int64, challenge: StoredChallenge) throws -> ChallengeStanding
    /// Records that the account accepted these terms now. Audited as `terms.accepted` with the version.
    func acceptTerms(accountID: Int64, challenge: StoredChallenge, version: TermsVersion, now: Date) throws
    /// Files (or files again, after a refusal) the account's access request, pending until an organiser decides.
    /// Audited as `access.requested`.
    func requestAccess(accountID: Int64, challenge: StoredChallenge, affiliation: String, purpose: String, now: Date) throws
    /// Every request of the challenge, pending first, then newest first.
    func accessRequests(challenge: StoredChallenge) throws -> [AccessRequest]
    /// An organiser's decision; `unknownAccessRequest` when the account asked nothing. Audited as `access.approved` or
    /// `access.refused`.
    func decideAccess(accountID: Int64, challenge: StoredChallenge, approve: Bool, now: Date) throws

    /// Creates a team with the account as its first member; `invalidTeamChange` when the account already has a team
    /// in the challenge, `duplicateTeam` when the name is taken, `invalidTeamName` when `TeamName` refuses it. Audited
    /// as `team.created`.
    func createTeam(accountID: Int64, challenge: StoredChallenge, name: String, now: Date) throws -> StoredTeam
    /// The current members of a team, by joining time.
    func members(team: StoredTeam) throws -> [TeamMember]
    /// The current members of every team of the challenge, by team name then joining time.
    func members(challenge: StoredChallenge) throws -> [TeamMember]
    /// A single-use invitation to the account's team, valid for `lifetime`; `invalidTeamChange` when the account is
    /// in no team of the challenge. Audited as `team.invited`.
    func inviteToTeam(accountID: Int64, challenge: StoredChallenge, now: Date, lifetime: TimeInterval) throws -> String
    /// The invitation a link stands for, while it can still be used; nil otherwise.
    func invitation(_ link: String, now: Date) throws -> TeamInvitation?
    /// Spends an invitation. An account in no team joins; an account in another team brings that whole team with
    /// it (a merge: its members and submissions move, its final choices are cleared, its team tokens revoked). Refused
    /// with `invalidTeamChange` past `maxTeamSize`, or when the merged team's submissions would exceed a phase's
    /// limits at `now`, or for a spent, expired or foreign invitation. Audited as `team.joined` or `team.merged`.
    func joinTeam(invitation link: String, accountID: Int64, challenge: StoredChallenge, maxTeamSize: Int?, now: Date) throws -> TeamJoining
    /// The account leaves its team in the challenge; `invalidTeamChange` when it has none. Audited as `team.left`.
    func leaveTeam(accountID: Int64, challenge: StoredChallenge, now: Date) throws
    /// An organiser removes a member from its team; `invalidTeamChange` when it is not in that team. Audited as
    /// `team.member-removed`.
    func removeMember(accountID: Int64, team: StoredTeam, now: Date) throws

    /// Records a data file whose bytes are already in the blobs under `sha256`, replacing one of the same name.
    func setDataFile(challenge: StoredChallenge, name: String, sha256: String, byteCount: Int64, now: Date) throws
    func dataFiles(challenge: StoredChallenge) throws -> [DataFile]
}
