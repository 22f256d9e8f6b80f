import Foundation

/// Teams and the tokens that identify teams, organisers and annotators.
public protocol TeamStore: Sendable {
    /// Adds a team and issues its first token, returned once. The name is kept as `TeamName` makes it (composed,
    /// trimmed); `invalidTeamName` when it cannot be one, `duplicateTeam` when it is taken.
    func addTeam(challenge slug: String, name: String, now: Date) throws -> (team: StoredTeam, token: String)
    func teams(challenge: StoredChallenge) throws -> [StoredTeam]
    /// The team of that name, as written or in its stored form.
    func team(_ challenge: StoredChallenge, named name: String) throws -> StoredTeam
    func teamName(id: Int64) throws -> String
    func teamsWithSubmissionCounts(challenge: StoredChallenge) throws -> [(team: StoredTeam, submissions: Int)]
    /// Who a token belongs to; nil for an unknown or revoked token.
    func authenticate(token: String) throws -> TokenIdentity?
    /// Issues a token, returned once; only its hash is stored.
    func issueToken(role: TokenIdentity.Role, team: StoredTeam?, label: String?, now: Date) throws -> (record: TokenRecord, token: String)
    func revokeToken(_ id: Int64, now: Date) throws
    func teamTokens(challenge: StoredChallenge) throws -> [TokenRecord]
}

extension TeamStore {
    public func issueToken(role: TokenIdentity.Role, now: Date) throws -> (record: TokenRecord, token: String) {
        try issueToken(role: role, team: nil, label: nil, now: now)
    }

    public func issueToken(role: TokenIdentity.Role, team: StoredTeam?, now: Date) throws -> (record: TokenRecord, token: String) {
        try issueToken(role: role, team: team, label: nil, now: now)
    }
}
