import Challenge
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Creates a team and its first token; the token is returned once and only its digest is kept. The name is
    /// unique per challenge by the table's key, so two servers adding the same name at once add it once.
    public func addTeam(challenge slug: String, name raw: String, now: Date) throws -> (team: StoredTeam, token: String) {
        let name = try TeamName.normalized(raw, challenge: slug)
        let token = AccessToken.generate()
        let at = now.timeIntervalSince1970
        let team = try write { connection in
            let challenge = try await self.challenge(slug, on: connection)
            guard let row = try await connection.row(
                """
                INSERT INTO teams (challenge_id, name, created_at) VALUES (\(challenge.id), \(name), \(at))
                ON CONFLICT (challenge_id, name) DO NOTHING RETURNING id
                """, logger: self.logger)
            else { throw StoreError.duplicateTeam(challenge: slug, team: name) }
            let team = StoredTeam(id: try row.get("id"), challengeID: challenge.id, name: name)
            try await connection.execute(
                "INSERT INTO tokens (sha256, role, team_id, created_at) VALUES (\(AccessToken.digest(token)), 'team', \(team.id), \(at))",
                logger: self.logger)
            try await self.append(AuditEntry(at: now, actor: "organiser", action: "team.added", challenge: slug, subject: name),
                                  on: connection)
            return team
        }
        return (team, token)
    }

    /// The identity of a presented token, or nil for an unknown or revoked one; looked up by digest.
    public func authenticate(token: String) throws -> TokenIdentity? {
        let digest = AccessToken.digest(token)
        return try read { connection in
            guard let row = try await connection.row(
                """
                SELECT t.sha256, \(unescaped: Self.identityColumns)
                FROM tokens t \(unescaped: Self.identityJoins)
                WHERE t.sha256 = \(digest) AND t.revoked_at IS NULL
                """, logger: self.logger),
                AccessToken.constantTimeEquals(try row.get("sha256"), digest)
            else { return nil }
            return try Self.identity(row)
        }
    }

    /// What a token stands for, selected beside the token `t` (with `identityJoins`), for a token or a session.
    static let identityColumns = "t.id AS token_id, t.role, tm.id AS team_id, tm.challenge_id, tm.name, a.id AS account_id, a.email"
    static let identityJoins = "LEFT JOIN teams tm ON tm.id = t.team_id LEFT JOIN accounts a ON a.id = t.account_id"

    /// The identity a row of `identityColumns` names; nil for an unknown role, or a participant token without its account.
    static func identity(_ row: PostgresRandomAccessRow) throws -> TokenIdentity? {
        guard let role = TokenIdentity.Role(rawValue: try row.get("role")) else { return nil }
        let teamID: Int64? = try row.get("team_id")
        let accountID: Int64? = try row.get("account_id")
        let team = try teamID.map { StoredTeam(id: $0, challengeID: try row.get("challenge_id"), name: try row.get("name")) }
        let email: String? = try row.get("email")
        let account = accountID.flatMap { id in email.flatMap(EmailAddress.init).map { AccountRef(id: id, email: $0) } }
        if role == .participant, account == nil { return nil }
        return TokenIdentity(tokenID: try row.get("token_id"), role: role, team: team, account: account)
    }

    public func teams(challenge: StoredChallenge) throws -> [StoredTeam] {
        try read { connection in
            try await connection.rows("SELECT id, name FROM teams WHERE challenge_id = \(challenge.id) ORDER BY name", logger: self.logger)
                .map { StoredTeam(id: try $0.get("id"), challengeID: challenge.id, name: try $0.get("name")) }
        }
    }

    public func team(_ challenge: StoredChallenge, named name: String) throws -> StoredTeam {
        try read { connection in
            // As written first (a name kept before names were composed), else composed, as names are kept now.
            let composed = name.precomposedStringWithCanonicalMapping
            guard let row = try await connection.row(
                """
                SELECT id, name FROM teams WHERE challenge_id = \(challenge.id) AND name IN (\(name), \(composed))
                ORDER BY name = \(name) DESC LIMIT 1
                """, logger: self.logger)
            else { throw StoreError.unknownTeam(challenge: challenge.spec.slug, team: name) }
            return StoredTeam(id: try row.get("id"), challengeID: challenge.id, name: try row.get("name"))
        }
    }

    public func teamName(id: Int64) throws -> String {
        try read { connection in
            guard let row = try await connection.row("SELECT name FROM teams WHERE id = \(id)", logger: self.logger) else {
                throw StoreError.unknownTeam(challenge: "?", team: "#\(id)")
            }
            return try row.get("name")
        }
    }

    /// Each team of a challenge with its number of submissions.
    public func teamsWithSubmissionCounts(challenge: StoredChallenge) throws -> [(team: StoredTeam, submissions: Int)] {
        let rows = try read { connection in
            try await connection.rows(
                """
                SELECT t.id, t.name, (SELECT COUNT(*) FROM submissions s WHERE s.team_id = t.id) AS submissions
                FROM teams t WHERE t.challenge_id = \(challenge.id) ORDER BY t.name
                """, logger: self.logger
            ).map {
                TeamCount(team: StoredTeam(id: try $0.get("id"), challengeID: challenge.id, name: try $0.get("name")),
                          submissions: try $0.get("submissions", as: Int.self))
            }
        }
        return rows.map { ($0.team, $0.submissions) }
    }
}

/// A team and a count, as a Sendable value to carry across the bridge (tuples with labels are not `Sendable` there).
struct TeamCount: Sendable {
    let team: StoredTeam
    let submissions: Int
}
