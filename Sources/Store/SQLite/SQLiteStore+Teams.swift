import Foundation
import GRDB

extension SQLiteStore {
    /// Creates a team and its first token; the token is returned once and only its digest is kept.
    public func addTeam(challenge slug: String, name raw: String, now: Date) throws -> (team: StoredTeam, token: String) {
        let name = try TeamName.normalized(raw, challenge: slug)
        let token = AccessToken.generate()
        let team = try pool.write { db in
            let challenge = try challenge(slug, db: db)
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM teams WHERE challenge_id = ? AND name = ?)",
                                           arguments: [challenge.id, name]) ?? false
            guard !exists else { throw StoreError.duplicateTeam(challenge: slug, team: name) }
            try db.execute(sql: "INSERT INTO teams (challenge_id, name, created_at) VALUES (?, ?, ?)",
                           arguments: [challenge.id, name, now.timeIntervalSince1970])
            let team = StoredTeam(id: db.lastInsertedRowID, challengeID: challenge.id, name: name)
            try db.execute(sql: "INSERT INTO tokens (sha256, role, team_id, created_at) VALUES (?, 'team', ?, ?)",
                           arguments: [AccessToken.digest(token), team.id, now.timeIntervalSince1970])
            try append(AuditEntry(at: now, actor: "organiser", action: "team.added", challenge: slug, subject: name), in: db)
            return team
        }
        return (team, token)
    }

    /// The identity of a presented token, or nil for an unknown or revoked one. The lookup is by
    /// digest, so no comparison ever touches the secret itself.
    public func authenticate(token: String) throws -> TokenIdentity? {
        let digest = AccessToken.digest(token)
        return try pool.read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT t.sha256, \(Self.identityColumns)
                    FROM tokens t \(Self.identityJoins)
                    WHERE t.sha256 = ? AND t.revoked_at IS NULL
                    """),
                arguments: [digest]),
                AccessToken.constantTimeEquals(row["sha256"], digest)
            else { return nil }
            return Self.identity(row)
        }
    }

    /// What a token stands for, selected beside the token `t` (with `identityJoins`), for a token or a session.
    static let identityColumns = "t.id AS token_id, t.role, tm.id AS team_id, tm.challenge_id, tm.name, a.id AS account_id, a.email"
    static let identityJoins = "LEFT JOIN teams tm ON tm.id = t.team_id LEFT JOIN accounts a ON a.id = t.account_id"

    static func identity(_ row: Row) -> TokenIdentity? {
        guard let role = TokenIdentity.Role(rawValue: row["role"]) else { return nil }
        let teamID: Int64? = row["team_id"]
        let accountID: Int64? = row["account_id"]
        let team = teamID.map { StoredTeam(id: $0, challengeID: row["challenge_id"], name: row["name"]) }
        let account = accountID.flatMap { id in EmailAddress(row["email"]).map { AccountRef(id: id, email: $0) } }
        if role == .participant, account == nil { return nil }
        return TokenIdentity(tokenID: row["token_id"], role: role, team: team, account: account)
    }

    public func teams(challenge: StoredChallenge) throws -> [StoredTeam] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM teams WHERE challenge_id = ? ORDER BY name", arguments: [challenge.id])
                .map { StoredTeam(id: $0["id"], challengeID: challenge.id, name: $0["name"]) }
        }
    }
}
